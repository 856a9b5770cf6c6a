package dev.parley.sla;

import dev.parley.shared.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Business hours or an SLA policy that cannot be saved, with every reason in words an admin can act on. */
public class InvalidCalendar extends ApiException {

    private final List<String> errors;

    public InvalidCalendar(List<String> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid time rules", String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
