// Article editor: a live preview of the Markdown body. Only text nodes are created from what was typed
// (never innerHTML), so the preview is safe whatever the article holds; it shows the structure (headings,
// lists, code blocks, paragraphs), while the help center renders the full Markdown.
(function () {
    const source = document.getElementById('article-body');
    const preview = document.getElementById('article-preview');
    if (!source || !preview) return;

    function element(tag, text) {
        const node = document.createElement(tag);
        if (text !== undefined) node.textContent = text;
        return node;
    }

    function render(markdown) {
        const blocks = [];
        let paragraph = [], list = null, code = null;
        const flushParagraph = () => {
            if (paragraph.length) blocks.push(element('p', paragraph.join(' ')));
            paragraph = [];
        };
        const flushList = () => {
            if (list) blocks.push(list);
            list = null;
        };
        for (const line of markdown.split(/\r?\n/)) {
            if (code) {
                if (/^\s*```/.test(line)) {
                    blocks.push(code);
                    code = null;
                } else {
                    code.firstChild.textContent += line + '\n';
                }
                continue;
            }
            if (/^\s*```/.test(line)) {
                flushParagraph(); flushList();
                code = element('pre');
                code.appendChild(element('code', ''));
                continue;
            }
            const heading = /^(#{1,6})\s+(.*)$/.exec(line);
            const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
            const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
            if (heading) {
                flushParagraph(); flushList();
                blocks.push(element('h' + Math.min(6, heading[1].length + 1), heading[2]));
            } else if (bullet || numbered) {
                flushParagraph();
                const tag = bullet ? 'ul' : 'ol';
                if (!list || list.tagName.toLowerCase() !== tag) {
                    flushList();
                    list = element(tag);
                }
                list.appendChild(element('li', (bullet || numbered)[1]));
            } else if (line.trim() === '') {
                flushParagraph(); flushList();
            } else {
                flushList();
                paragraph.push(line.trim());
            }
        }
        if (code) blocks.push(code);
        flushParagraph(); flushList();
        preview.replaceChildren(...blocks);
    }

    let timer;
    source.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => render(source.value), 120);
    });
    render(source.value);
})();
