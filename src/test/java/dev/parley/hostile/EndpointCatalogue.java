package dev.parley.hostile;

import dev.parley.hostile.Endpoint.Surface;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the running application, read from Spring MVC's {@link RequestMappingHandlerMapping}: a new
 * controller is attacked without anyone adding it to a list. A mapping without methods is tried as GET and POST.
 */
final class EndpointCatalogue {

    /** Paths open without sign-in that are not under /api (SecurityConfiguration.PUBLIC and the login pages). */
    private static final List<String> PUBLIC_PAGES = List.of("/help", "/widget", "/demo", "/swagger-ui", "/v3/api-docs",
            "/sitemap.xml", "/robots.txt", "/login", "/password-reset", "/error", "/favicon.ico");

    private EndpointCatalogue() {
    }

    static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
                    : methods.stream().map(RequestMethod::name).sorted().toList();
            List<String> fixed = new ArrayList<>();
            for (NameValueExpression<String> expression : info.getParamsCondition().getExpressions()) {
                if (!expression.isNegated()) {
                    fixed.add(expression.getName() + "=" + (expression.getValue() == null ? "x" : expression.getValue()));
                }
            }
            Set<String> params = new LinkedHashSet<>();
            Set<String> fields = new LinkedHashSet<>();
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(Object::toString).toList();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                RequestPart requestPart = parameter.getParameterAnnotation(RequestPart.class);
                if (requestParam != null || requestPart != null) {
                    String name = requestParam != null ? requestParam.name() : requestPart.name();
                    if (name.isEmpty()) {
                        name = parameter.getParameterName();
                    }
                    if (name != null) {
                        params.add(name);
                    }
                } else if (parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(ModelAttribute.class)
                        || (type.isRecord() && !BeanUtils.isSimpleProperty(type))) {
                    fields.addAll(componentNames(type));
                }
            }
            for (String pattern : info.getPatternValues()) {
                for (String verb : verbs) {
                    endpoints.add(new Endpoint(verb, pattern, surfaceOf(pattern), List.copyOf(params), List.copyOf(fixed),
                            List.copyOf(fields), consumes, handler.getMethod()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }

    static Surface surfaceOf(String pattern) {
        if (pattern.startsWith("/api/v1/widget/") || pattern.equals("/api/v1/widget")) {
            return Surface.WIDGET;
        }
        if (pattern.startsWith("/api/v1/channels/") || pattern.matches("/api/v1/inboxes/[^/]+/messages")
                || pattern.startsWith("/demo/api/")) {
            return Surface.API_PUBLIC;
        }
        if (pattern.startsWith("/api/")) {
            return Surface.API_TOKEN;
        }
        return PUBLIC_PAGES.stream().anyMatch(prefix -> pattern.equals(prefix) || pattern.startsWith(prefix + "/")
                || pattern.startsWith(prefix + ".")) ? Surface.PAGE_PUBLIC : Surface.PAGE_SESSION;
    }

    private static List<String> componentNames(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }
}
