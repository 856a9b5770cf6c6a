// Parley workspace: the conversation list beside an open conversation, keyboard shortcuts, canned replies by
// "/shortcut", Ctrl+Enter to send, and a preview of the reply's Markdown. No dependencies beyond htmx.
(function () {
    const page = document.body.dataset.page;
    const QUERY_KEY = 'parley.inboxQuery';

    // The inbox remembers this tab's view and filters, so the list beside a conversation shows the same ones.
    if (page === 'inbox') {
        try { sessionStorage.setItem(QUERY_KEY, location.search.replace(/^\?/, '')); } catch (e) { /* private mode */ }
    }
    const pane = document.getElementById('pane-list');
    if (pane) {
        let remembered = '';
        try { remembered = sessionStorage.getItem(QUERY_KEY) || ''; } catch (e) { /* private mode */ }
        const kept = remembered.split('&').filter(p => p && !/^(page|selected)=/.test(p)).join('&');
        if (kept) pane.setAttribute('hx-get', pane.getAttribute('hx-get') + '&' + kept);
    }

    const typing = el => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    const text = document.getElementById('reply-text');
    const form = document.getElementById('reply-form');

    // --- Replies: note mode, Ctrl+Enter, preview -------------------------------------------------------------
    const setNoteMode = on => {
        if (!form) return;
        form.classList.toggle('note-mode', on);
        if (text) text.placeholder = on ? 'Write an internal note… (Ctrl+Enter adds it)'
            : 'Write a reply… (/ for canned replies, Ctrl+Enter to send, ? for shortcuts)';
    };
    const submitReply = () => {
        if (!form || !text || !text.value.trim()) return;
        const button = document.getElementById(form.classList.contains('note-mode') ? 'add-note' : 'send-reply');
        button?.click();
    };
    // The form empties itself after a reply was taken (data-reset-on-success, dashboard.js); a refused reply
    // (a file over the limits) shows why and keeps what was written. Note mode and the preview end with it.
    form?.addEventListener('reset', () => {
        setNoteMode(false);
        hidePreview();
    });
    const preview = document.getElementById('reply-preview');
    const previewButton = document.getElementById('preview-reply');
    const showPreview = () => {
        if (!preview || !text) return;
        preview.textContent = '';
        if (window.ParleyMessageFormat) {
            preview.appendChild(window.ParleyMessageFormat.render(text.value || '(nothing to preview)', {base: location.href}));
        } else {
            preview.textContent = text.value;
        }
        preview.hidden = false;
        previewButton?.setAttribute('aria-pressed', 'true');
    };
    function hidePreview() {
        if (preview) preview.hidden = true;
        previewButton?.setAttribute('aria-pressed', 'false');
    }
    previewButton?.addEventListener('click', () => (preview && !preview.hidden) ? hidePreview() : showPreview());
    text?.addEventListener('input', () => { if (preview && !preview.hidden) showPreview(); });

    // --- Canned replies by "/shortcut" -----------------------------------------------------------------------
    const canned = Array.from(document.querySelectorAll('#canned option[data-shortcut]'))
        .map(o => ({shortcut: o.dataset.shortcut, label: o.textContent, text: o.value}));
    const list = document.getElementById('canned-suggestions');
    let matches = [], active = 0, token = null;
    const closeSuggestions = () => { if (list) list.hidden = true; matches = []; token = null; };
    const typedToken = () => {
        const before = text.value.slice(0, text.selectionStart);
        const m = before.match(/(^|\s)\/([\w.-]*)$/);
        return m ? {start: before.length - m[2].length - 1, end: text.selectionStart, prefix: m[2].toLowerCase()} : null;
    };
    const renderSuggestions = () => {
        list.textContent = '';
        matches.forEach((c, i) => {
            const item = document.createElement('li');
            item.setAttribute('role', 'option');
            item.id = 'canned-option-' + i;
            item.textContent = c.label;
            item.setAttribute('aria-selected', String(i === active));
            item.addEventListener('mousedown', event => { event.preventDefault(); pick(i); });
            list.appendChild(item);
        });
        list.hidden = matches.length === 0;
    };
    const pick = i => {
        const chosen = matches[i];
        if (!chosen || !token) return;
        text.value = text.value.slice(0, token.start) + chosen.text + text.value.slice(token.end);
        const caret = token.start + chosen.text.length;
        text.setSelectionRange(caret, caret);
        closeSuggestions();
        text.focus();
        text.dispatchEvent(new Event('input'));
    };
    text?.addEventListener('input', () => {
        if (!list || canned.length === 0) return;
        token = typedToken();
        if (!token) { closeSuggestions(); return; }
        matches = canned.filter(c => c.shortcut.toLowerCase().startsWith(token.prefix)).slice(0, 8);
        active = 0;
        renderSuggestions();
    });
    text?.addEventListener('blur', () => setTimeout(closeSuggestions, 150));
    text?.addEventListener('keydown', event => {
        if (matches.length && list && !list.hidden) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
                renderSuggestions();
                event.preventDefault();
                return;
            }
            if (event.key === 'Tab' || (event.key === 'Enter' && !event.ctrlKey && !event.metaKey)) {
                pick(active);
                event.preventDefault();
                return;
            }
            if (event.key === 'Escape') { closeSuggestions(); event.preventDefault(); return; }
        }
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            submitReply();
            event.preventDefault();
        } else if (event.key === 'Escape') {
            text.blur();
        }
    });

    // --- Keyboard shortcuts ------------------------------------------------------------------------------------
    const SHORTCUTS = [
        ['j / k', 'Next / previous conversation'],
        ['Enter', 'Open the selected conversation (inbox)'],
        ['r', 'Reply to the customer'],
        ['n', 'Write an internal note'],
        ['Ctrl+Enter', 'Send the reply or note'],
        ['/', 'Canned reply by its shortcut (in a reply); search (in the inbox)'],
        ['e', 'Resolve the conversation'],
        ['i', 'Back to the inbox'],
        ['?', 'Show these shortcuts'],
        ['Esc', 'Leave the text box or close this help'],
    ];
    let help;
    const toggleHelp = () => {
        if (!help) {
            help = document.createElement('dialog');
            help.id = 'shortcut-help';
            help.className = 'card shortcut-help';
            help.setAttribute('aria-label', 'Keyboard shortcuts');
            const title = document.createElement('h2');
            title.textContent = 'Keyboard shortcuts';
            const table = document.createElement('dl');
            SHORTCUTS.forEach(([keys, what]) => {
                const dt = document.createElement('dt');
                keys.split(' / ').forEach((k, i) => {
                    if (i) dt.append(' / ');
                    const kbd = document.createElement('kbd');
                    kbd.textContent = k;
                    dt.appendChild(kbd);
                });
                const dd = document.createElement('dd');
                dd.textContent = what;
                table.append(dt, dd);
            });
            const close = document.createElement('button');
            close.type = 'button';
            close.className = 'secondary';
            close.textContent = 'Close';
            close.addEventListener('click', () => help.close());
            help.append(title, table, close);
            document.body.appendChild(help);
        }
        if (help.open) help.close(); else help.showModal();
    };

    const rows = () => Array.from(document.querySelectorAll(page === 'inbox' ? 'tr.conversation-row'
        : '#pane-list .pane-item'));
    let selected = -1;
    let selectedId = null;
    const paint = all => all.forEach((r, i) => r.classList.toggle('selected', i === selected));
    // A live update re-renders the list: the same conversation stays selected (by id), or none once it left the list,
    // so Enter never opens the one that moved into its place.
    if (page === 'inbox') {
        document.body.addEventListener('htmx:afterSwap', () => {
            if (selectedId === null) return;
            const all = rows();
            selected = all.findIndex(r => r.dataset.conversationId === selectedId);
            if (selected < 0) selectedId = null;
            paint(all);
        });
    }
    const move = step => {
        const all = rows();
        if (all.length === 0) return;
        if (page === 'conversation') {
            const current = all.findIndex(r => r.classList.contains('current'));
            const next = all[current < 0 ? 0 : Math.min(all.length - 1, Math.max(0, current + step))];
            const link = next.querySelector('a');
            if (next && !next.classList.contains('current') && link) location.href = link.href;
            return;
        }
        selected = Math.min(all.length - 1, Math.max(0, selected + step));
        selectedId = all[selected].dataset.conversationId || null;
        paint(all);
        all[selected].scrollIntoView({block: 'nearest'});
    };
    const resolve = () => {
        const input = document.querySelector('#side input[name=status][value=RESOLVED]');
        const target = input?.form;
        if (target) { if (target.requestSubmit) target.requestSubmit(); else target.submit(); }
    };
    const focusReply = note => {
        if (!text) return;
        setNoteMode(note);
        text.focus();
    };

    document.addEventListener('keydown', event => {
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
        if (typing(event.target)) return;
        if (help && help.open && event.key !== '?') return;
        switch (event.key) {
            case 'j': move(1); break;
            case 'k': move(-1); break;
            case 'Enter': {
                if (page !== 'inbox' || selected < 0) return;
                const link = rows()[selected]?.querySelector('a');
                if (link) location.href = link.href;
                break;
            }
            case 'r': if (!text) return; focusReply(false); break;
            case 'n': if (!text) return; focusReply(true); break;
            case 'e': if (page !== 'conversation') return; resolve(); break;
            case 'i': location.href = '/inbox'; break;
            case '/': {
                if (text) {
                    focusReply(false);
                    text.setRangeText(text.value && !/\s$/.test(text.value) ? ' /' : '/', text.value.length,
                        text.value.length, 'end');
                    text.dispatchEvent(new Event('input'));
                } else {
                    const search = document.querySelector('.filters input[name=q]');
                    if (!search) return;
                    search.focus();
                }
                break;
            }
            case '?': toggleHelp(); break;
            default: return;
        }
        event.preventDefault();
    });
})();
