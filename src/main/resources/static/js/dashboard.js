// Parley dashboard: CSRF for htmx requests, the live stream (/dashboard/events) and typing/read signals.
(function () {
    const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
    const csrfToken = meta('_csrf');
    const csrfHeader = meta('_csrf_header');

    document.addEventListener('htmx:configRequest', event => {
        if (csrfToken && csrfHeader) {
            event.detail.headers[csrfHeader] = csrfToken;
        }
    });

    // A background request found the session gone: reload, which leads to the sign-in page.
    document.addEventListener('htmx:responseError', event => {
        if (event.detail.xhr.status === 401) location.reload();
    });

    // Forms marked data-swap-errors show the server's explanation of a 4xx (htmx drops error responses otherwise).
    document.addEventListener('htmx:beforeSwap', event => {
        const status = event.detail.xhr.status;
        const form = event.detail.requestConfig && event.detail.requestConfig.elt
            && event.detail.requestConfig.elt.closest('[data-swap-errors]');
        if (status >= 400 && status < 500 && status !== 401 && form) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });

    // Behaviour that would otherwise be inline handlers, which the Content-Security-Policy forbids:
    // a select marked data-autosubmit submits its form on change (presence, priority), a form marked
    // data-reset-on-success empties itself after htmx sent it, a link marked data-back goes back in history.
    document.addEventListener('change', event => {
        const select = event.target.closest && event.target.closest('select[data-autosubmit]');
        if (select && select.form) select.form.submit();
    });
    document.addEventListener('htmx:afterRequest', event => {
        const form = event.detail.elt;
        // A 4xx shown by data-swap-errors counts as swapped, not as success: the form keeps its input.
        if (event.detail.successful && event.detail.xhr.status < 400 && form && form.matches
                && form.matches('form[data-reset-on-success]')) {
            form.reset();
            const error = form.querySelector('[role="alert"]');
            if (error) error.hidden = true;
        }
    });
    document.addEventListener('click', event => {
        const back = event.target.closest && event.target.closest('a[data-back]');
        if (back && history.length > 1) {
            event.preventDefault();
            history.back();
        }
    });

    // Assistant and agent messages are a small Markdown subset (widget/message-format.js, shared with the chat
    // widget): rendered into DOM nodes from the text Thymeleaf wrote, never as HTML.
    const formatMessages = scope => {
        if (!window.ParleyMessageFormat) return;
        scope.querySelectorAll('[data-format="message"]:not(.formatted)').forEach(node => {
            const text = node.textContent;
            node.textContent = '';
            node.appendChild(window.ParleyMessageFormat.render(text, {base: location.href}));
            node.classList.add('formatted');
        });
        scope.querySelectorAll('[data-mentions]:not(.mentions-marked)').forEach(markMentions);
    };
    // An internal note's @mentions of colleagues (the server lists which handles name someone) are marked.
    function markMentions(node) {
        node.classList.add('mentions-marked');
        const handles = new Set(node.dataset.mentions.split(' ').filter(Boolean));
        if (!handles.size) return;
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) texts.push(walker.currentNode);
        texts.forEach(text => {
            const parts = text.nodeValue.split(/(@[\p{L}\p{N}][\p{L}\p{N}._-]*)/u);
            if (parts.length < 2) return;
            const fragment = document.createDocumentFragment();
            parts.forEach(part => {
                const handle = part.startsWith('@') ? part.slice(1).replace(/[._-]+$/, '').toLowerCase() : null;
                if (handle && handles.has(handle)) {
                    const mark = document.createElement('mark');
                    mark.className = 'mention';
                    mark.textContent = part;
                    fragment.appendChild(mark);
                } else {
                    fragment.appendChild(document.createTextNode(part));
                }
            });
            text.replaceWith(fragment);
        });
    }
    formatMessages(document);
    // Tag colours come as data attributes (a strict Content-Security-Policy blocks style attributes, not CSSOM).
    const paintTags = scope => scope.querySelectorAll('[data-bg]').forEach(node => {
        node.style.backgroundColor = node.dataset.bg;
        if (node.dataset.fg) node.style.color = node.dataset.fg;
    });
    paintTags(document);
    document.addEventListener('htmx:load', event => paintTags(event.detail.elt.parentNode || document));
    document.addEventListener('htmx:load', event => formatMessages(event.detail.elt.parentNode || document));

    function post(url, params) {
        const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
        if (csrfToken && csrfHeader) {
            headers[csrfHeader] = csrfToken;
        }
        return fetch(url, {method: 'POST', headers, body: new URLSearchParams(params), credentials: 'same-origin'});
    }

    const page = document.body.dataset.page;
    if (!page) {
        return;
    }
    const timers = {};
    function refresh(selector) {
        clearTimeout(timers[selector]);
        timers[selector] = setTimeout(() => {
            const element = document.querySelector(selector);
            if (element && window.htmx) {
                htmx.trigger(element, 'refresh');
            }
        }, 150);
    }
    const indicator = document.querySelector('.live-indicator');
    const events = new EventSource('/dashboard/events?since=' + encodeURIComponent(document.body.dataset.renderedAt || 0));
    // What this page shows live is fetched again when events may have been sent while no stream was open (those
    // are not sent again): while the stream was away (a network blip, a restarted node), or when the server says one
    // came between rendering the page and opening its stream (the side panel too, as a live change of its
    // conversation's status or details refreshes it).
    const liveParts = {inbox: ['#inbox-body'], conversation: ['#pane-list', '#transcript', '#side']}[page] || [];
    let connectedBefore = false;
    events.addEventListener('ready', event => {
        document.body.dataset.live = 'true';
        if (indicator) indicator.textContent = 'live';
        if (connectedBefore || data(event).missed === true) {
            liveParts.forEach(refresh);
        }
        connectedBefore = true;
    });
    events.onerror = () => {
        document.body.dataset.live = 'false';
        if (indicator) indicator.textContent = 'reconnecting…';
        // The browser retries by itself unless the server refused (e.g. signed out): then reload the page.
        if (events.readyState === EventSource.CLOSED) setTimeout(() => location.reload(), 5000);
    };
    const data = event => {
        try { return JSON.parse(event.data); } catch (e) { return {}; }
    };

    // Desktop notifications and a short chime for escalations and for conversations assigned to this agent, as the
    // agent's notification settings say (data attributes on the page header). Browsers grant notifications only
    // after a user gesture: the "Enable desktop notifications" button asks, and any click unlocks the sound.
    const topbar = document.querySelector('header.topbar');
    const myId = topbar?.dataset.agentId;
    const wantsDesktop = topbar?.dataset.browserNotifications === 'true';
    const wantsSound = topbar?.dataset.sound === 'true';
    const supported = 'Notification' in window;
    let audio;
    const unlockSound = () => {
        if (!wantsSound) return;
        try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            if (audio.state === 'suspended') audio.resume();
        } catch (e) { /* no Web Audio: notifications stay silent */ }
    };
    document.addEventListener('click', unlockSound, {once: true});
    const chime = () => {
        if (!wantsSound || !audio || audio.state !== 'running') return;
        // Two soft sine tones (E6, then B5), each fading out: generated, no audio file.
        [[1318.5, 0], [987.8, 0.16]].forEach(([frequency, delay]) => {
            const start = audio.currentTime + delay;
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.type = 'sine';
            tone.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, start);
            gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
            tone.connect(gain).connect(audio.destination);
            tone.start(start);
            tone.stop(start + 0.32);
        });
    };
    const enableButton = document.getElementById('enable-notifications');
    const showPermission = () => {
        if (!enableButton) return;
        enableButton.hidden = !supported || Notification.permission === 'granted';
        if (supported && Notification.permission === 'denied') {
            enableButton.disabled = true;
            enableButton.textContent = 'Desktop notifications are blocked in this browser';
        }
    };
    showPermission();
    enableButton?.addEventListener('click', () => {
        unlockSound();
        Promise.resolve(Notification.requestPermission()).then(showPermission, showPermission);
    });
    const notify = (title, body, conversationId) => {
        chime();
        if (!wantsDesktop || !supported || Notification.permission !== 'granted') return;
        try {
            // One notification per conversation, however many tabs are open.
            const shown = new Notification(title, {body, tag: 'parley-' + conversationId});
            shown.onclick = () => {
                window.focus();
                location.href = '/inbox/conversations/' + conversationId;
            };
        } catch (e) { /* e.g. mobile browsers allow notifications only from a service worker */ }
    };
    const readable = reason => reason ? reason.charAt(0) + reason.slice(1).toLowerCase().replaceAll('_', ' ') : '';
    events.addEventListener('escalated', event => {
        const d = data(event);
        notify('Conversation escalated', readable(d.reason), d.conversationId);
    });
    events.addEventListener('mentioned', event => {
        const d = data(event);
        if (myId && d.agentId === myId) {
            notify((d.byName || 'A colleague') + ' mentioned you: ' + (d.subject || '(no subject)'), d.excerpt || '',
                d.conversationId);
        }
    });
    events.addEventListener('assigned', event => {
        const d = data(event);
        if (myId && d.assigneeId === myId) {
            notify('Assigned to you: ' + (d.subject || '(no subject)'), d.customerName ? 'From ' + d.customerName : '',
                d.conversationId);
        }
    });

    if (page === 'inbox') {
        ['conversation', 'escalated', 'status', 'updated', 'message', 'read', 'queue', 'presence'].forEach(type =>
            events.addEventListener(type, () => refresh('#inbox-body')));
    }

    if (page === 'conversation') {
        const conversationId = document.body.dataset.conversationId;
        // The conversation list beside it (three-pane layout) follows the inbox live.
        ['conversation', 'escalated', 'status', 'updated', 'message', 'read'].forEach(type =>
            events.addEventListener(type, () => refresh('#pane-list')));
        const typingNote = document.getElementById('typing');
        let typingTimer;
        const showTyping = typing => {
            if (!typingNote) return;
            typingNote.hidden = !typing;
            clearTimeout(typingTimer);
            if (typing) typingTimer = setTimeout(() => { typingNote.hidden = true; }, 8000);
        };
        events.addEventListener('message', event => {
            const message = data(event).message || {};
            if (message.conversationId === conversationId) {
                if (message.authorType === 'CUSTOMER') showTyping(false);
                refresh('#transcript');
            }
        });
        events.addEventListener('read', event => {
            const d = data(event);
            if (d.conversationId === conversationId && d.reader === 'CUSTOMER') refresh('#transcript');
        });
        // A reply's delivery changed (sent, failed and why, pending again after a retry).
        events.addEventListener('delivery', event => {
            if (data(event).conversationId === conversationId) refresh('#transcript');
        });
        ['status', 'updated', 'escalated'].forEach(type => events.addEventListener(type, event => {
            if (data(event).conversationId === conversationId) refresh('#side');
        }));
        events.addEventListener('typing', event => {
            const d = data(event);
            if (d.conversationId === conversationId && d.author === 'CUSTOMER') showTyping(d.typing !== false);
        });

        // The agent's typing, for the customer's widget: at most one "typing" every 3 s, "stopped" after 4 s idle.
        const text = document.getElementById('reply-text');
        const typingUrl = '/inbox/conversations/' + conversationId + '/typing';
        let lastSent = 0, idleTimer;
        text?.addEventListener('input', () => {
            const now = Date.now();
            if (now - lastSent > 3000) {
                lastSent = now;
                post(typingUrl, {typing: 'true'});
            }
            clearTimeout(idleTimer);
            idleTimer = setTimeout(() => { lastSent = 0; post(typingUrl, {typing: 'false'}); }, 4000);
        });
        document.getElementById('reply-form')?.addEventListener('submit', () => {
            clearTimeout(idleTimer);
            lastSent = 0;
        });
        const suggest = document.getElementById('suggest-reply');
        suggest?.addEventListener('click', () => {
            suggest.disabled = true;
            fetch(suggest.dataset.url, {headers: {Accept: 'application/json'}})
                .then(r => r.ok ? r.json() : Promise.reject(r.status))
                .then(draft => { if (text && draft.text) { text.value = draft.text; text.focus(); } })
                .catch(() => { suggest.textContent = 'No suggestion available'; })
                .finally(() => { suggest.disabled = false; });
        });
        const canned = document.getElementById('canned');
        canned?.addEventListener('change', () => {
            if (canned.value && text) {
                text.value = text.value ? text.value + '\n' + canned.value : canned.value;
                text.focus();
            }
            canned.value = '';
        });
        const mention = document.getElementById('mention');
        mention?.addEventListener('change', () => {
            if (mention.value && text) {
                const before = text.value && !/\s$/.test(text.value) ? text.value + ' ' : text.value;
                text.value = before + mention.value;
                text.focus();
            }
            mention.value = '';
        });
    }
})();
