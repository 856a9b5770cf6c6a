package dev.parley.browser;

import java.util.List;

/**
 * The XSS corpus the browser suite stores through every writable field. A payload that runs calls
 * {@code __xss(n)} (or opens a dialog); one that is only parsed into markup leaves a handler, a script or a
 * {@code javascript:} address in the DOM, which the suite looks for too. Template payloads leave {@code tpl49} in
 * the page text if an engine evaluated them; formula payloads test the CSV export.
 */
final class XssPayloads {

    private XssPayloads() {
    }

    static final List<String> ALL = List.of(
            "<script>__xss(1)</script>",
            "<img src=x onerror=__xss(2)>",
            "<svg onload=__xss(3)>",
            "\"><img src=x onerror=__xss(4)>",
            "'><svg/onload=__xss(5)>",
            "[click me](javascript:__xss(6))",
            "[click me](JaVaScRiPt:__xss(7))",
            "[click me]( javascript&colon;__xss(8))",
            "<a href=\"javascript:__xss(9)\">link</a>",
            "javascript:__xss(10)",
            "<iframe src=\"javascript:__xss(11)\"></iframe>",
            "<iframe srcdoc=\"<script>parent.__xss(12)</script>\"></iframe>",
            "</textarea><script>__xss(13)</script>",
            "</title><script>__xss(14)</script>",
            "</script><script>__xss(15)</script>",
            "<details open ontoggle=__xss(16)>",
            "<body onload=__xss(17)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=__xss(18)>",
            "<noscript><p title=\"</noscript><img src=x onerror=__xss(19)>\">",
            "';__xss(20);//\\\";__xss(20);//`-__xss(20)-`",
            "{{constructor.constructor('__xss(21)')()}}",
            "tpl[[${7*7}]] tpl[(${7*7})]",
            "tpl__${7*7}__ tpl${7*7} tpl#{7*7} tpl*{7*7} tpl{{7*7}}",
            "\u202E<img src=x onerror=__xss(24)>\u202D \u200Bcheck",
            "<img src=x onerror=&#95;&#95;xss(25)>",
            "<a href=\"data:text/html,<script>parent.__xss(26)</script>\">d</a> [d](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMjYpPC9zY3JpcHQ+)",
            "![img](x\" onerror=\"__xss(27))",
            "[a](https://x.test/\" onmouseover=\"__xss(28)) <https://x.test/\"onfocus=\"__xss(28)\"autofocus=\">",
            "=HYPERLINK(\"http://evil.test\",\"x\")",
            "+__xss(30)+",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "<style>@import'//evil.test/x.css'</style><b style=\"background:url(javascript:__xss(33))\">b</b>",
            "<form action=\"javascript:__xss(34)\"><button>go</button></form><input autofocus onfocus=__xss(34)>",
            "<video><source onerror=__xss(35)></video><audio src=x onerror=__xss(35)>",
            "<img src=x onerror=alert(36)>");

    /** A short version for fields with small limits (a category, a tag). */
    static String shortened(String payload, int max) {
        return payload.length() <= max ? payload : payload.substring(0, max);
    }
}
