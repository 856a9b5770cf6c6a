package dev.parley.channel.web;

import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The demo shop's own orders API, which the demo's order-status action calls: the sample customer's orders only. */
@RestController
@ConditionalOnProperty(name = "parley.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoOrdersApi {

    record Order(long number, String status, String eta, String carrier) {
    }

    private static final Map<Long, Order> ORDERS = Map.of(
            1001L, new Order(1001, "shipped", "in 2 business days", "Trailpost Express"),
            1002L, new Order(1002, "being packed", "in 4 business days", "Trailpost Express"),
            1003L, new Order(1003, "delivered", "already delivered", "Trailpost Express"));

    @GetMapping("/demo/api/orders/{number}")
    @Operation(summary = "The demo shop's order status (for its sample customer)")
    Order order(@PathVariable String number, @RequestParam(required = false) String customer) {
        Order order = number.matches("\\d{1,9}") ? ORDERS.get(Long.parseLong(number)) : null;
        if (order == null || !DemoShop.CUSTOMER_ID.equals(customer)) {
            throw ApiException.notFound("Order " + number);
        }
        return order;
    }
}
