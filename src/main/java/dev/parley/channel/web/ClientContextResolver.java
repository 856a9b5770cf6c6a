package dev.parley.channel.web;

import static dev.parley.shared.CleanText.cut;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies {@link ClientContext} parameters to widget API handlers. */
class ClientContextResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_HEADER = 1000;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ClientContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new ClientContext(request.getRemoteAddr(), cut(request.getHeader(HttpHeaders.USER_AGENT), MAX_HEADER),
                cut(request.getHeader(HttpHeaders.REFERER), MAX_HEADER));
    }
}
