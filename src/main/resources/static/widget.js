/*!
 * Parley chat widget. Dependency-free; add to any page with one tag:
 *   <script src="https://support.example.com/widget.js" data-parley-title="Help" defer></script>
 * Optional data attributes: data-parley-color, -title, -greeting, -position (left|right),
 * -suggestions ("First question|Second question"), -name and -email (a known, signed-in customer).
 * A verified customer: -user-id, -user-email, -user-timestamp and -user-signature, signed by the site's server
 * (see the admin page "Widget identity"); they see their earlier conversations and agents see them as verified.
 * Works on a host page with a strict Content-Security-Policy: it needs script-src, connect-src and style-src to
 * allow the Parley server's origin (no 'unsafe-inline'; styles are a constructed stylesheet, never inline).
 * Message text is only ever inserted as text, never as HTML: replies are formatted (paragraphs, lists, bold,
 * links) by widget/message-format.js, loaded from the same server, which builds DOM nodes.
 */
(function () {
  'use strict';
  if (window.__parleyWidget) return;
  window.__parleyWidget = true;

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var base = new URL(script.src, location.href).origin;
  var data = script.dataset || {};
  var signed = data.parleyUserId && data.parleyUserEmail && data.parleyUserTimestamp && data.parleyUserSignature
    ? { userId: data.parleyUserId, email: data.parleyUserEmail, timestamp: Number(data.parleyUserTimestamp),
        signature: data.parleyUserSignature, name: data.parleyName || undefined }
    : null;
  // A signed-in customer's chat is kept apart from the anonymous one (and from another customer's on a shared device).
  var storageKey = 'parley:' + base + (signed ? ':user:' + signed.userId : '');
  var state = load() || {};
  var config = {};
  var seen = {};
  var stream = null;
  var retry = 1000;
  var typingTimer = null;
  var lastTypingSent = 0;
  var els = {};
  var formatter = loadFormatter();

  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey)); } catch (e) { return null; }
  }
  function save() {
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  /** Resolves once widget/message-format.js has loaded (or failed: replies then stay plain text). */
  function loadFormatter() {
    return new Promise(function (resolve) {
      if (window.ParleyMessageFormat) { resolve(window.ParleyMessageFormat); return; }
      var tag = document.createElement('script');
      tag.src = base + '/widget/message-format.js';
      tag.async = true;
      tag.onload = function () { resolve(window.ParleyMessageFormat || null); };
      tag.onerror = function () { resolve(null); };
      (document.head || document.documentElement).appendChild(tag);
    });
  }

  /** The message's text, shown at once as text and replaced by its formatted version when the formatter is there. */
  function messageBody(m, kind) {
    var body = el('div', { class: 'text' }, m.text);
    if (kind === 'customer') return body;
    formatter.then(function (format) {
      if (!format) return;
      body.textContent = '';
      body.appendChild(format.render(m.text, { base: base + '/' }));
      body.classList.add('formatted');
    });
    return body;
  }

  /** An article address as a link target: absolute http(s), or a path on the Parley server. */
  function sourceHref(url) {
    if (/^https?:\/\//i.test(url || '')) return url;
    return /^\/(?![\/\\])/.test(url || '') ? base + url : null;
  }

  function api(method, path, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    var bearer = arguments.length > 3 ? token : state.token;
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    return fetch(base + '/api/v1/widget' + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined
    }).then(function (res) {
      if (res.status === 204) return null;
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (!res.ok) {
          var err = new Error(json.detail || ('HTTP ' + res.status));
          err.status = res.status;
          err.type = json.type;
          err.retryAfter = json.retryAfterSeconds || Number(res.headers.get('Retry-After')) || 0;
          throw err;
        }
        return json;
      });
    });
  }

  function css(color, position) {
    var side = position === 'left' ? 'left' : 'right';
    return [
      ':host{all:initial}',
      '[hidden]{display:none!important}',
      '.bubble svg{width:28px;height:28px;fill:currentColor}',
      '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
      '.bubble{position:fixed;bottom:20px;' + side + ':20px;width:56px;height:56px;border-radius:50%;border:0;',
      'background:' + color + ';color:#fff;font-size:26px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}',
      '.bubble:focus-visible,.send:focus-visible,.close:focus-visible,.chip:focus-visible{outline:3px solid #111;outline-offset:2px}',
      '.helpful{align-self:flex-start;display:flex;flex-wrap:wrap;align-items:center;gap:6px;font-size:12px;color:#4b5563}',
      '.panel{position:fixed;bottom:88px;' + side + ':20px;width:370px;max-width:calc(100vw - 24px);height:560px;',
      'max-height:calc(100vh - 110px);background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.25);',
      'display:flex;flex-direction:column;overflow:hidden;z-index:2147483000;color:#1f2937}',
      '.panel[hidden]{display:none}',
      '.head{background:' + color + ';color:#fff;padding:14px 16px;display:flex;align-items:center;justify-content:space-between}',
      '.head h2{margin:0;font-size:16px;font-weight:600}',
      '.close{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}',
      '.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f9fafb}',
      '.msg{max-width:85%;padding:9px 12px;border-radius:12px;font-size:14px;line-height:1.4;white-space:pre-wrap;word-wrap:break-word}',
      '.msg.customer{align-self:flex-end;background:' + color + ';color:#fff;border-bottom-right-radius:4px}',
      '.msg.assistant,.msg.agent{align-self:flex-start;background:#fff;border:1px solid #e5e7eb;border-bottom-left-radius:4px}',
      '.msg.system{align-self:center;background:transparent;color:#6b7280;font-size:12px}',
      '.who{display:block;font-size:11px;color:#6b7280;margin-bottom:2px}',
      '.sources{margin-top:6px;font-size:12px}.sources a{color:' + color + '}',
      '.text.formatted{white-space:normal}.text p{margin:0 0 6px}.text p:last-child{margin-bottom:0}',
      '.text ul,.text ol{margin:4px 0 6px;padding-left:20px}.text li{margin:2px 0}.text a{color:' + color + ';text-decoration:underline}',
      '.text code{font-family:ui-monospace,monospace;font-size:13px;background:#f3f4f6;padding:0 3px;border-radius:3px}',
      '.note{align-self:center;font-size:12px;color:#4b5563;text-align:center;padding:2px 8px}',
      '.seen{align-self:flex-end;font-size:11px;color:#6b7280}',
      '.note.articles{text-align:left}.articles ul{margin:4px 0 0;padding-left:18px}',
      '.typing{font-size:12px;color:#6b7280;padding:0 14px 6px;min-height:18px;background:#f9fafb}',
      '.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0 14px 10px;background:#f9fafb}',
      '.chip{border:1px solid ' + color + ';color:' + color + ';background:#fff;border-radius:16px;padding:5px 10px;font-size:13px;cursor:pointer}',
      '.form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb}',
      '.input{flex:1;resize:none;border:1px solid #d1d5db;border-radius:8px;padding:8px 10px;font-size:14px;min-height:40px;max-height:120px}',
      '.send{background:' + color + ';color:#fff;border:0;border-radius:8px;padding:0 14px;font-size:14px;cursor:pointer}',
      '.send[disabled]{opacity:.5;cursor:default}',
      '.attach{background:none;border:0;font-size:18px;cursor:pointer;padding:0 6px}',
      '.attach:focus-visible{outline:3px solid #111;outline-offset:2px}',
      '.files{margin-top:4px;display:flex;flex-direction:column;gap:2px}',
      '.files a{color:inherit;text-decoration:underline;font-size:13px;word-break:break-all}',
      '.email{display:flex;gap:6px;padding:8px 10px;border-top:1px solid #e5e7eb;background:#fffbeb;flex-wrap:wrap;font-size:13px}',
      '.email input{flex:1;min-width:150px;border:1px solid #d1d5db;border-radius:6px;padding:6px}',
      '.actions{display:flex;align-items:center;gap:8px}',
      '.end{background:rgba(255,255,255,.2);border:0;color:#fff;border-radius:6px;padding:4px 8px;font-size:12px;cursor:pointer}',
      '.rating{padding:10px;border-top:1px solid #e5e7eb;background:#f0fdf4;font-size:13px;display:flex;flex-direction:column;gap:6px}',
      '.stars{display:flex;gap:4px}.star{border:1px solid #d1d5db;background:#fff;border-radius:6px;width:36px;height:32px;cursor:pointer;font-size:14px}',
      '.star[aria-pressed=true]{background:' + color + ';color:#fff;border-color:' + color + '}',
      '.rating textarea{border:1px solid #d1d5db;border-radius:6px;padding:6px;font-size:13px;resize:none}',
      '.verified{font-size:12px;padding:6px 14px;background:#ecfdf5;color:#065f46;border-bottom:1px solid #d1fae5}',
      '.history{border-bottom:1px solid #e5e7eb;font-size:13px;background:#fff}',
      '.history summary{padding:6px 14px;cursor:pointer;color:#374151}',
      '.history ul{list-style:none;margin:0;padding:0 8px 8px;max-height:150px;overflow-y:auto}',
      '.history button{display:block;width:100%;text-align:left;border:0;background:#f9fafb;border-radius:6px;padding:6px 8px;margin-top:4px;cursor:pointer;font-size:13px;color:#1f2937}',
      '.history button[aria-current=true]{outline:2px solid ' + color + '}',
      '.history .meta{display:block;font-size:11px;color:#6b7280}',
      '.human{align-self:center;margin:0 auto 8px;border:1px solid ' + color + ';color:' + color + ';background:#fff;border-radius:16px;padding:4px 12px;font-size:12px;cursor:pointer}',
      '.prechat{padding:12px 14px;display:flex;flex-direction:column;gap:8px;border-top:1px solid #e5e7eb;font-size:13px}',
      '.prechat label{display:flex;flex-direction:column;gap:3px}.prechat p{margin:0}',
      '.prechat input,.prechat select{border:1px solid #d1d5db;border-radius:6px;padding:6px;font-size:14px}',
      '.prechat .err{color:#b91c1c}.prechat .err:empty{display:none}.prechat .send{padding:8px 14px}',
      '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
      '@media (max-width:480px){.panel{inset:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0;bottom:0}}'
    ].join('');
  }

  /**
   * The widget's styles as a constructed stylesheet: a host page whose Content-Security-Policy allows no inline
   * styles (no 'unsafe-inline' in style-src) blocks a <style> element, also inside the shadow root, but not a
   * stylesheet built by script. Browsers without constructable stylesheets get the <style> element.
   */
  function applyStyles(root, text) {
    try {
      if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && CSSStyleSheet.prototype.replaceSync) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        root.adoptedStyleSheets = [sheet];
        return;
      }
    } catch (e) { /* fall back to a <style> element */ }
    var style = el('style');
    style.textContent = text;
    root.appendChild(style);
  }

  function build() {
    var host = el('div', { id: 'parley-widget' });
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: 'open' });
    applyStyles(root, css(config.color, config.position));

    els.bubble = el('button', { class: 'bubble', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false', 'data-testid': 'parley-bubble' });
    els.bubble.appendChild(chatIcon());
    els.panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': config.title, hidden: '' });
    var head = el('div', { class: 'head' });
    head.appendChild(el('h2', {}, config.title));
    var actions = el('div', { class: 'actions' });
    els.end = el('button', { class: 'end', type: 'button', 'data-testid': 'parley-end', hidden: '' }, 'End chat');
    els.close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close chat' }, '×');
    actions.appendChild(els.end); actions.appendChild(els.close);
    head.appendChild(actions);
    els.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', 'data-testid': 'parley-log' });
    els.typing = el('div', { class: 'typing', 'aria-live': 'polite', 'data-testid': 'parley-typing' });
    els.chips = el('div', { class: 'chips' });
    els.email = el('form', { class: 'email', hidden: '' });
    els.rating = el('form', { class: 'rating', hidden: '', 'data-testid': 'parley-rating', 'aria-label': 'Rate this conversation' });
    var form = el('form', { class: 'form' });
    var label = el('label', { class: 'sr', for: 'parley-input' }, 'Your message');
    els.input = el('textarea', { class: 'input', id: 'parley-input', rows: '1', placeholder: 'Type your question…', 'data-testid': 'parley-input', maxlength: '5000' });
    els.send = el('button', { class: 'send', type: 'submit', 'data-testid': 'parley-send' }, 'Send');
    // A paperclip: a real button (keyboard, screen readers) that opens the hidden file input.
    els.file = el('input', { class: 'sr', type: 'file', id: 'parley-file', multiple: '', tabindex: '-1', 'aria-hidden': 'true', 'data-testid': 'parley-file' });
    els.attach = el('button', { class: 'attach', type: 'button', 'aria-label': 'Attach a file', title: 'Attach a file', 'data-testid': 'parley-attach' }, '\uD83D\uDCCE');
    els.attach.addEventListener('click', function () { els.file.click(); });
    els.file.addEventListener('change', function () { if (els.file.files.length) upload(els.file.files); });
    form.appendChild(label); form.appendChild(els.attach); form.appendChild(els.file); form.appendChild(els.input); form.appendChild(els.send);
    els.verified = el('div', { class: 'verified', hidden: '', 'data-testid': 'parley-verified' });
    els.history = el('details', { class: 'history', hidden: '', 'data-testid': 'parley-history' });
    els.human = el('button', { class: 'human', type: 'button', hidden: '', 'data-testid': 'parley-human' }, 'Talk to a person');
    els.prechat = el('form', { class: 'prechat', hidden: '', novalidate: '', 'data-testid': 'parley-prechat', 'aria-label': 'Before we start' });
    els.form = form;
    [head, els.verified, els.history, els.log, els.typing, els.chips, els.human, els.email, els.rating, els.prechat, form].forEach(function (n) { els.panel.appendChild(n); });
    root.appendChild(els.bubble);
    root.appendChild(els.panel);

    els.bubble.addEventListener('click', toggle);
    els.close.addEventListener('click', function () { toggle(false); });
    els.end.addEventListener('click', endChat);
    els.human.addEventListener('click', talkToPerson);
    els.panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') toggle(false); });
    form.addEventListener('submit', function (e) { e.preventDefault(); submit(els.input.value); });
    els.input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(els.input.value); }
    });
    els.input.addEventListener('input', customerTyping);
    (config.suggestions || []).forEach(function (q) {
      var chip = el('button', { class: 'chip', type: 'button' }, q);
      chip.addEventListener('click', function () { submit(q); });
      els.chips.appendChild(chip);
    });
  }

  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0 4v2h7v-2H7zm0-8v2h10V5H7z');
    svg.appendChild(path);
    return svg;
  }

  function toggle(open) {
    var show = typeof open === 'boolean' ? open : els.panel.hasAttribute('hidden');
    if (show) {
      els.panel.removeAttribute('hidden');
      els.bubble.setAttribute('aria-expanded', 'true');
      els.input.focus();
      markRead();
    } else {
      els.panel.setAttribute('hidden', '');
      els.bubble.setAttribute('aria-expanded', 'false');
      els.bubble.focus();
    }
    state.open = show; save();
  }

  function render(m) {
    if (!m || seen[m.id]) return;
    if (m.clientMessageId && seen['c:' + m.clientMessageId]) {
      var pending = seen['c:' + m.clientMessageId];
      pending.removeAttribute('data-pending');
      seen[m.id] = pending;
      track(m);
      return;
    }
    if (m.inReplyTo) { seen['reply:' + m.inReplyTo] = true; dropPreview(m.inReplyTo); }
    var kind = (m.authorType || 'SYSTEM').toLowerCase();
    if (kind === 'agent') dropFeedback();
    var node = el('div', { class: 'msg ' + kind, 'data-id': m.id, 'data-author': m.authorType });
    if (kind !== 'customer') node.appendChild(el('span', { class: 'who' }, kind === 'assistant' ? 'Assistant' : (m.authorName || 'Support')));
    node.appendChild(messageBody(m, kind));
    // An answer that links its article in the text ("Read more: ...") needs no second link below it.
    var unlinked = (m.sources || []).filter(function (s) { return (m.text || '').indexOf('](' + s.url + ')') < 0; });
    if (unlinked.length) {
      var sources = el('div', { class: 'sources' }, 'Source: ');
      unlinked.forEach(function (s, i) {
        if (i) sources.appendChild(document.createTextNode(', '));
        var href = sourceHref(s.url);
        var link = el(href ? 'a' : 'span', href ? { href: href, target: '_blank', rel: 'noopener noreferrer' } : {}, s.title);
        sources.appendChild(link);
      });
      node.appendChild(sources);
    }
    els.log.appendChild(node);
    seen[m.id] = node;
    showFiles(m.id);
    if (kind === 'agent') loadFiles();
    track(m);
    els.chips.setAttribute('hidden', '');
    els.log.scrollTop = els.log.scrollHeight;
    if (kind !== 'customer') { els.typing.textContent = ''; markRead(); }
  }

  // Files of the conversation by message id; a message's links show under it (fetched with the token, saved as a download).
  var files = {};
  function loadFiles() {
    if (!state.conversationId) return;
    api('GET', '/conversations/' + state.conversationId + '/attachments').then(function (list) {
      (list || []).forEach(addFile);
      Object.keys(files).forEach(showFiles);
    }).catch(function () {});
  }
  function addFile(f) {
    var list = files[f.messageId] || (files[f.messageId] = []);
    if (!list.some(function (x) { return x.id === f.id; })) list.push(f);
  }
  function showFiles(messageId) {
    var node = seen[messageId];
    if (!node || !node.appendChild || !files[messageId]) return;
    var box = node.querySelector('.files') || node.appendChild(el('div', { class: 'files' }));
    files[messageId].forEach(function (f) {
      if (box.querySelector('[data-file="' + f.id + '"]')) return;
      var link = el('a', { href: '#', 'data-file': f.id, 'data-testid': 'parley-file-link' }, '\uD83D\uDCCE ' + f.filename);
      link.addEventListener('click', function (e) { e.preventDefault(); download(f); });
      box.appendChild(link);
    });
  }
  function download(f) {
    fetch(base + '/api/v1/widget/conversations/' + state.conversationId + '/attachments/' + f.id,
      { headers: { Authorization: 'Bearer ' + state.token } }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = el('a', { href: url, download: f.filename });
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }).catch(function () { note('The file could not be downloaded. Please try again.'); });
  }
  function upload(list) {
    var chosen = Array.prototype.slice.call(list);
    els.file.value = '';
    var ready = state.conversationId && state.status !== 'CLOSED' ? Promise.resolve() : start(undefined, undefined);
    els.attach.disabled = true;
    ready.then(function () {
      var body = new FormData();
      chosen.forEach(function (f) { body.append('files', f, f.name); });
      return fetch(base + '/api/v1/widget/conversations/' + state.conversationId + '/attachments', {
        method: 'POST', headers: { Authorization: 'Bearer ' + state.token }, body: body
      });
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (!res.ok) { var err = new Error(json.detail || ('HTTP ' + res.status)); err.status = res.status; throw err; }
        return json;
      });
    }).then(function (res) {
      (res.files || []).forEach(addFile);
      [res.message, res.reply].forEach(render);
      // The live stream may have shown the message before this answer arrived.
      if (res.message) showFiles(res.message.id);
      state.status = res.status; save();
    }).catch(function (err) {
      note(err.status === 429 ? 'You are sending messages too quickly. Please wait a moment.'
        : err.status === 503 ? 'We are a little busy right now. Please send your file again in a moment.'
        : err.status === 413 || err.status === 415 || err.status === 400 ? err.message : 'Your file could not be sent. Please try again.');
    }).then(function () { els.attach.disabled = false; });
  }

  function track(m) {
    if (m.seq > (state.cursor || 0)) { state.cursor = m.seq; save(); }
  }

  function note(text) {
    els.log.appendChild(el('div', { class: 'note', role: 'status' }, text));
    els.log.scrollTop = els.log.scrollHeight;
  }

  function showStatus(status) {
    if (status === 'RESOLVED' || status === 'CLOSED') offerRating();
    state.status = status;
    if (state.notedStatus === status) { save(); return; }
    state.notedStatus = status; save();
    showHuman();
    showHuman();
    if (status === 'ESCALATED') note('A person from our team will reply here.');
    if (status === 'RESOLVED') note('This conversation was marked as resolved. Write again any time.');
    if (status === 'CLOSED') note('This conversation is closed. Your next message starts a new one.');
  }

  function endChat() {
    if (!state.conversationId) return;
    api('POST', '/conversations/' + state.conversationId + '/end').then(function (res) {
      note('You ended the chat. Thanks for getting in touch!');
      showStatus(res.status);
      offerRating();
    }).catch(function (err) { note(err.message); });
  }

  function offerRating() {
    if (!state.conversationId || state.rated || !els.rating.hasAttribute('hidden')) return;
    els.end.setAttribute('hidden', '');
    els.rating.textContent = '';
    els.rating.appendChild(el('span', { id: 'parley-rate-label' }, 'How did we do?'));
    var stars = el('div', { class: 'stars', role: 'group', 'aria-labelledby': 'parley-rate-label' });
    var chosen = 0;
    for (var i = 1; i <= 5; i++) {
      (function (n) {
        var star = el('button', { class: 'star', type: 'button', 'aria-pressed': 'false', 'aria-label': n + ' of 5', 'data-rating': String(n) }, n + '★');
        star.addEventListener('click', function () {
          chosen = n;
          stars.querySelectorAll('.star').forEach(function (b) { b.setAttribute('aria-pressed', String(Number(b.dataset.rating) === n)); });
        });
        stars.appendChild(star);
      })(i);
    }
    var comment = el('textarea', { rows: '2', placeholder: 'Anything to add? (optional)', 'aria-label': 'Comment', maxlength: '2000' });
    var send = el('button', { class: 'send', type: 'submit' }, 'Send rating');
    [stars, comment, send].forEach(function (n) { els.rating.appendChild(n); });
    els.rating.removeAttribute('hidden');
    els.rating.onsubmit = function (e) {
      e.preventDefault();
      if (!chosen) { note('Please pick a rating from 1 to 5.'); return; }
      api('POST', '/conversations/' + state.conversationId + '/rating', { rating: chosen, comment: comment.value.trim() || undefined })
        .then(function () { state.rated = true; save(); els.rating.setAttribute('hidden', ''); note('Thanks for your feedback!'); })
        .catch(function (err) { if (err.status === 409) { state.rated = true; save(); els.rating.setAttribute('hidden', ''); } note(err.message); });
    };
  }

  function submit(raw) {
    var text = (raw || '').trim();
    if (!text) return;
    els.input.value = '';
    dropFeedback();
    var clientMessageId = 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    var local = el('div', { class: 'msg customer', 'data-pending': 'true' }, text);
    els.log.appendChild(local);
    seen['c:' + clientMessageId] = local;
    els.chips.setAttribute('hidden', '');
    els.log.scrollTop = els.log.scrollHeight;
    els.typing.textContent = 'Assistant is typing…';
    els.send.disabled = true;
    var before = state.status;
    var request = sendAgainWhenAsked(function () {
      return state.conversationId && state.status !== 'CLOSED'
        ? api('POST', '/conversations/' + state.conversationId + '/messages', { text: text, clientMessageId: clientMessageId })
            .catch(function (err) { if (err.status === 409 || err.status === 404 || err.status === 403 || lost(err)) { reset(); return start(text, clientMessageId); } throw err; })
        : start(text, clientMessageId);
    });
    request.then(function (res) {
      var messages = res.messages || [res.message, res.reply];
      messages.forEach(render);
      if (res.status === 'AI_RESOLVED') offerFeedback(messages[messages.length - 1]);
      if (res.status === 'ESCALATED' && before !== 'ESCALATED') { showStatus('ESCALATED'); suggestArticles(text); checkQueue(); }
      state.status = res.status; save();
      showHuman();
    }).catch(function (err) {
      local.setAttribute('data-failed', 'true');
      if (!els.input.value) els.input.value = text; // the customer's words are kept to send again
      note(err.status === 429 ? 'You are sending messages too quickly. Please wait a moment.' : 'Your message could not be sent. Please try again.');
    }).then(function () { els.typing.textContent = ''; els.send.disabled = false; });
  }

  /**
   * Sends the same message again (same clientMessageId, so the server stores it once) when the server did not take
   * it and said when to come back (Retry-After; nothing was stored). Right after a start the assistant is still
   * loading (503 "starting up"): tried again at the server's pace for up to two minutes. A busy server (503) or a
   * rate limit (429): at most five more tries, never before Retry-After, each wait twice the one before (up to 30 s),
   * with up to a second of jitter so customers refused together do not all come back together.
   */
  function sendAgainWhenAsked(send) {
    var startingUp = 0, busy = 0;
    function attempt() {
      return send().catch(function (err) {
        var seconds = Math.max(1, err.retryAfter || 3);
        if (err.status === 503 && err.type === 'urn:parley:problem:starting-up') {
          if (++startingUp > 40) throw err;
          if (startingUp === 1) note('The assistant is starting up, one moment…');
        } else if ((err.status === 503 || err.status === 429) && ++busy <= 5 && seconds <= 60) {
          seconds = Math.max(seconds, Math.min(30, seconds * Math.pow(2, busy - 1))) + Math.random();
          if (busy === 1) note(err.status === 429 ? 'You are sending messages too quickly. We will send this one again in a moment…'
            : 'We are a little busy right now. Your message is kept and will be sent again in a moment…');
          els.typing.textContent = 'Sending again shortly…';
        } else {
          throw err;
        }
        return new Promise(function (resolve) { setTimeout(resolve, seconds * 1000); }).then(function () {
          els.typing.textContent = 'Assistant is typing…';
          return attempt();
        });
      });
    }
    return attempt();
  }

  /** After a hand-off, offers help-center articles matching the customer's question (links open in a new tab). */
  function suggestArticles(question) {
    api('GET', '/help/suggestions?limit=3&q=' + encodeURIComponent(question.slice(0, 1000))).then(function (found) {
      var articles = (found || []).filter(function (a) { return a && a.title && /^https?:\/\//i.test(a.url || ''); });
      if (!articles.length) return;
      var box = el('div', { class: 'note articles', 'data-testid': 'parley-articles' }, 'These articles might help:');
      var list = el('ul');
      articles.forEach(function (a) {
        var item = el('li');
        item.appendChild(el('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.title));
        list.appendChild(item);
      });
      box.appendChild(list);
      els.log.appendChild(box);
      els.log.scrollTop = els.log.scrollHeight;
    }).catch(function () { /* suggestions are a bonus; the hand-off stands without them */ });
  }

  /**
   * "Did that help?" under an AI answer that resolved the conversation (never under a hand-off or an agent's reply).
   * "Yes" confirms the resolution; "No" hands the conversation to a person and shows the hand-over message.
   */
  function offerFeedback(m) {
    dropFeedback();
    if (!m || m.authorType !== 'ASSISTANT' || !state.conversationId || (state.feedback || {})[m.id]) return;
    var box = el('div', { class: 'helpful', role: 'group', 'aria-label': 'Did that help?', 'data-testid': 'parley-helpful' });
    box.appendChild(el('span', {}, 'Did that help?'));
    var yes = el('button', { class: 'chip', type: 'button', 'data-testid': 'parley-helpful-yes' }, 'Yes, thanks');
    var no = el('button', { class: 'chip', type: 'button', 'data-testid': 'parley-helpful-no' }, 'No, I need more help');
    box.appendChild(yes); box.appendChild(no);
    yes.addEventListener('click', function () { sendFeedback(m.id, true, box); });
    no.addEventListener('click', function () { sendFeedback(m.id, false, box); });
    els.feedback = box;
    els.log.appendChild(box);
    els.log.scrollTop = els.log.scrollHeight;
  }

  function dropFeedback() {
    if (els.feedback) els.feedback.remove();
    els.feedback = null;
  }

  function sendFeedback(messageId, helpful, box) {
    box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    api('POST', '/conversations/' + state.conversationId + '/feedback', { messageId: messageId, helpful: helpful })
      .then(function (res) {
        remember(messageId);
        dropFeedback();
        if (helpful) { note('Thanks for letting us know — glad that helped!'); return; }
        // The hand-over message says what happens next; the generic status note would repeat it.
        state.notedStatus = res.status;
        render(res.message);
        state.status = res.status; save();
        checkQueue();
      })
      .catch(function (err) {
        dropFeedback();
        if (err.status === 409) remember(messageId);
        note(err.status === 409 ? 'Thanks — this answer was already rated.' : 'Your answer could not be sent. Please try again.');
      });
  }

  function remember(messageId) {
    state.feedback = state.feedback || {};
    state.feedback[messageId] = true;
    save();
  }

  function start(text, clientMessageId) {
    var identity = state.identity;
    var profile = state.profile || {};
    return api('POST', '/conversations', {
      message: text, clientMessageId: clientMessageId, pageUrl: location.href.slice(0, 2000),
      name: data.parleyName || profile.name || undefined, email: data.parleyEmail || profile.email || undefined,
      category: profile.category || undefined, identityToken: identity ? identity.token : undefined
    }).then(function (res) {
      // An identity token that expired starts an anonymous chat: forget it so the next page view verifies again.
      state = { conversationId: res.conversationId, token: res.token, cursor: 0, status: res.status, open: true,
        identity: res.verified ? identity : undefined, profile: state.profile };
      showHuman();
      save();
      if (!res.verified) showIdentity(null);
      els.end.removeAttribute('hidden');
      connect();
      return res;
    });
  }

  function reset() {
    if (stream) stream.abort();
    stream = null;
    state = { open: state.open, identity: state.identity, profile: state.profile };
    save();
    els.rating.setAttribute('hidden', '');
  }

  /** The server can no longer read this conversation (a lost encryption key): the customer starts a new one. */
  function lost(err) {
    return err.type === 'urn:parley:problem:unreadable-data';
  }

  function resume() {
    return api('GET', '/conversations/' + state.conversationId + '/messages?after=0').then(function (res) {
      res.messages.forEach(render);
      loadFiles();
      if (!state.rated) els.end.removeAttribute('hidden');
      if (!state.rated && (res.status === 'RESOLVED' || res.status === 'CLOSED')) offerRating();
      if (res.status === 'AI_RESOLVED') offerFeedback(res.messages[res.messages.length - 1]);
      state.status = res.status; save();
      showHuman();
      connect();
    }).catch(function (err) { if (err.status === 403 || err.status === 404 || err.status === 401 || lost(err)) reset(); });
  }

  function connect() {
    if (!state.conversationId || stream) return;
    var controller = new AbortController();
    stream = controller;
    fetch(base + '/api/v1/widget/conversations/' + state.conversationId + '/events?after=' + (state.cursor || 0), {
      headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal
    }).then(function (res) {
      if (!res.ok || !res.body) throw new Error('stream ' + res.status);
      retry = 1000;
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('stream ended');
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split(/\r?\n\r?\n/);
          buffer = parts.pop();
          parts.forEach(dispatch);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      if (stream !== controller) return;
      stream = null;
      // Half to one and a half times the back-off: widgets cut off together (their node restarting) come back spread
      // out, not all in the same instant.
      setTimeout(connect, retry * (0.5 + Math.random()));
      retry = Math.min(retry * 2, 30000);
    });
  }

  function dispatch(block) {
    var type = 'message', payload = '';
    block.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('event:') === 0) type = line.slice(6).trim();
      else if (line.indexOf('data:') === 0) payload += line.slice(5).replace(/^ /, '');
    });
    if (!payload) return;
    var event;
    try { event = JSON.parse(payload); } catch (e) { return; }
    if (type === 'message') render(event.message);
    else if (type === 'status') { if (event.status !== 'AI_RESOLVED' && event.status !== 'OPEN') dropFeedback(); if (event.status !== state.status) showStatus(event.status); }
    else if (type === 'typing' && event.author !== 'CUSTOMER') els.typing.textContent = event.typing ? (event.name || 'Support') + ' is typing…' : '';
    else if (type === 'read' && event.reader === 'AGENT') showSeen(event.upToSeq);
    else if (type === 'queue') showQueue(event);
    else if (type === 'assigned' && event.agentName) note(event.agentName + ' joined the conversation.');
    else if (type === 'token') preview(event.replyTo, event.delta);
    else if (type === 'token-cancel') dropPreview(event.replyTo);
  }

  /** A streamed answer shows as it is generated; the stored message replaces it when it arrives. */
  function preview(replyTo, delta) {
    if (!replyTo || !delta || seen['reply:' + replyTo]) return;
    var node = els.log.querySelector('[data-preview="' + replyTo + '"]');
    if (!node) {
      node = el('div', { class: 'msg assistant', 'data-preview': replyTo, 'aria-busy': 'true' });
      node.appendChild(el('span', { class: 'who' }, 'Assistant'));
      node.appendChild(document.createTextNode(''));
      els.log.appendChild(node);
      els.typing.textContent = '';
    }
    node.lastChild.nodeValue += delta;
    els.log.scrollTop = els.log.scrollHeight;
  }

  function dropPreview(replyTo) {
    var node = replyTo && els.log.querySelector('[data-preview="' + replyTo + '"]');
    if (node) node.remove();
  }

  function showSeen(upToSeq) {
    var old = els.log.querySelector('.seen');
    if (old) old.remove();
    var customer = els.log.querySelectorAll('.msg.customer');
    if (customer.length && upToSeq >= (state.cursor || 0) - 1) els.log.appendChild(el('div', { class: 'seen' }, 'Seen'));
  }

  /** Right after a hand-off: where the customer stands in the queue, or that nobody is online. */
  function checkQueue() {
    api('GET', '/conversations/' + state.conversationId).then(function (s) {
      if (s.outOfHours) { offerEmail(s.outOfHours + ' Leave your email and we will continue there.'); return; }
      if (s.queuePosition || s.agentsOnline === 0) {
        showQueue({ position: s.queuePosition, estimatedWaitSeconds: s.estimatedWaitSeconds, agentsOnline: s.agentsOnline });
      }
    }).catch(function () {});
  }

  function showQueue(q) {
    if (q.agentsOnline === false || q.agentsOnline === 0) { offerEmail(); return; }
    if (q.position) note('You are number ' + q.position + ' in line' + (q.estimatedWaitSeconds ? ', about ' + Math.max(1, Math.round(q.estimatedWaitSeconds / 60)) + ' min' : '') + '.');
  }

  function offerEmail(text) {
    if (state.emailOffered) return;
    state.emailOffered = true; save();
    note(text || 'No one from our team is online right now. Leave your email and we will continue there.');
    var input = el('input', { type: 'email', required: '', placeholder: 'you@example.com', 'aria-label': 'Your email' });
    var button = el('button', { class: 'send', type: 'submit' }, 'Send');
    els.email.textContent = '';
    els.email.appendChild(input); els.email.appendChild(button);
    els.email.removeAttribute('hidden');
    els.email.onsubmit = function (e) {
      e.preventDefault();
      api('POST', '/conversations/' + state.conversationId + '/contact', { email: input.value.trim() })
        .then(function () { els.email.setAttribute('hidden', ''); note('Thanks! We will reply to ' + input.value.trim() + '.'); })
        .catch(function (err) { note(err.message); });
    };
  }

  function markRead() {
    if (!state.conversationId || els.panel.hasAttribute('hidden') || !state.cursor) return;
    api('POST', '/conversations/' + state.conversationId + '/read', { upToSeq: state.cursor }).catch(function () {});
  }

  function customerTyping() {
    if (!state.conversationId) return;
    var now = Date.now();
    if (now - lastTypingSent > 3000) {
      lastTypingSent = now;
      api('POST', '/conversations/' + state.conversationId + '/typing', { typing: true }).catch(function () {});
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      lastTypingSent = 0;
      api('POST', '/conversations/' + state.conversationId + '/typing', { typing: false }).catch(function () {});
    }, 3000);
  }

  /** Exchanges the site's signature for an identity token once; a reload with the same signature reuses it. */
  function verify() {
    if (!signed) return Promise.resolve(null);
    var known = state.identity;
    if (known && known.signature === signed.signature && Date.parse(known.expiresAt) > Date.now()) {
      return Promise.resolve(known);
    }
    return api('POST', '/identity', signed, null).then(function (res) {
      if (!res.verified) {
        if (window.console) console.info('Parley: customer identity not verified (' + res.reason + '): ' + res.detail);
        state.identity = undefined; save();
        return null;
      }
      state.identity = { signature: signed.signature, token: res.token, expiresAt: res.expiresAt, email: res.email };
      save();
      return state.identity;
    }).catch(function (err) {
      if (window.console) console.info('Parley: customer identity not verified: ' + err.message);
      return null;
    });
  }

  function showIdentity(identity) {
    if (!identity) { els.verified.setAttribute('hidden', ''); els.history.setAttribute('hidden', ''); return; }
    els.verified.textContent = '✓ Signed in as ' + identity.email;
    els.verified.removeAttribute('hidden');
    api('GET', '/identity/conversations', null, identity.token).then(function (res) {
      listEarlier(res.conversations || []);
    }).catch(function () { /* the list is a convenience; the chat works without it */ });
  }

  function listEarlier(conversations) {
    els.history.textContent = '';
    var others = conversations.filter(function (c) { return c.conversationId !== state.conversationId; });
    if (!conversations.length || (!others.length && state.conversationId)) { els.history.setAttribute('hidden', ''); return; }
    els.history.appendChild(el('summary', {}, 'Your conversations (' + conversations.length + ')'));
    var list = el('ul');
    conversations.forEach(function (c) {
      var item = el('li');
      var open = el('button', { type: 'button', 'data-conversation': c.conversationId,
        'aria-current': String(c.conversationId === state.conversationId) }, c.subject || '(no subject)');
      var when = new Date(c.updatedAt);
      open.appendChild(el('span', { class: 'meta' }, when.toLocaleDateString() + ' · ' + c.status.toLowerCase().replace('_', ' ')
        + (c.lastMessage ? ' · ' + c.lastMessage.slice(0, 60) : '')));
      open.addEventListener('click', function () { openEarlier(c.conversationId); });
      item.appendChild(open);
      list.appendChild(item);
    });
    els.history.appendChild(list);
    els.history.removeAttribute('hidden');
  }

  /** Opens one of the verified customer's conversations, also one started on another device. */
  function openEarlier(conversationId) {
    if (stream) stream.abort();
    stream = null;
    seen = {};
    els.log.textContent = '';
    state = { open: true, identity: state.identity, conversationId: conversationId, token: state.identity.token, cursor: 0 };
    save();
    resume();
    els.history.removeAttribute('open');
    els.history.querySelectorAll('button').forEach(function (b) {
      b.setAttribute('aria-current', String(b.getAttribute('data-conversation') === conversationId));
    });
  }

  /** "Talk to a person" while the assistant answers (the site may turn it off); hidden once people have the chat. */
  function showHuman() {
    var assistantAnswers = !state.status || state.status === 'OPEN' || state.status === 'AI_RESOLVED'
      || state.status === 'RESOLVED' || state.status === 'CLOSED';
    if (config.talkToPerson && assistantAnswers && els.prechat.hasAttribute('hidden')) els.human.removeAttribute('hidden');
    else els.human.setAttribute('hidden', '');
  }

  /** Hands the chat to people (starting one if there is none, or a new one after the last ended). */
  function talkToPerson() {
    els.human.disabled = true;
    var handoff = function () { return api('POST', '/conversations/' + state.conversationId + '/handoff'); };
    var ready = state.conversationId && state.status !== 'CLOSED' && state.status !== 'RESOLVED'
      ? Promise.resolve() : (state.conversationId ? (reset(), start()) : start());
    ready.then(handoff).catch(function (err) {
      if (err.status !== 409) throw err;
      reset();
      return start().then(handoff);
    }).then(function (res) {
      showStatus(res.status);
      if (res.status === 'ESCALATED') checkQueue();
    }).catch(function (err) { note(err.message || 'Something went wrong. Please try again.'); })
      .then(function () { els.human.disabled = false; });
  }

  /** The pre-chat form, when the site asks for it: once per visitor, never for a customer the site signed in. */
  function needsPreChat() {
    return !!config.preChat && !signed && !state.identity && !state.profile && !state.conversationId;
  }

  function showPreChat() {
    var f = els.prechat;
    f.textContent = '';
    f.appendChild(el('p', {}, 'Before we start, please tell us who you are.'));
    var name = el('input', { name: 'name', maxlength: '200', autocomplete: 'name', 'data-testid': 'parley-prechat-name' });
    var email = el('input', { name: 'email', type: 'email', maxlength: '320', autocomplete: 'email', 'data-testid': 'parley-prechat-email' });
    var fields = [['Name', name], [config.preChat.requireEmail ? 'Email' : 'Email (optional)', email]];
    var topic = null;
    if ((config.preChat.categories || []).length) {
      topic = el('select', { name: 'category', 'data-testid': 'parley-prechat-category' });
      topic.appendChild(el('option', { value: '' }, 'Choose a topic (optional)'));
      config.preChat.categories.forEach(function (c) { topic.appendChild(el('option', { value: c.value }, c.label)); });
      fields.push(['Topic', topic]);
    }
    fields.forEach(function (pair) { var label = el('label', {}, pair[0]); label.appendChild(pair[1]); f.appendChild(label); });
    var error = el('p', { class: 'err', role: 'alert', 'data-testid': 'parley-prechat-error' });
    var go = el('button', { class: 'send', type: 'submit' }, 'Start chat');
    f.appendChild(error); f.appendChild(go);
    f.onsubmit = function (e) {
      e.preventDefault();
      error.textContent = '';
      go.disabled = true;
      // The server checks the answers and says what is missing, so its words are the ones shown.
      state.profile = { name: name.value.trim(), email: email.value.trim(), category: topic ? topic.value : '' };
      start().then(function () {
        f.setAttribute('hidden', '');
        els.form.removeAttribute('hidden');
        showHuman();
        els.input.focus();
      }).catch(function (err) {
        state.profile = undefined;
        error.textContent = err.message;
      }).then(function () { go.disabled = false; });
    };
    f.removeAttribute('hidden');
    els.form.setAttribute('hidden', '');
    els.chips.setAttribute('hidden', '');
    els.human.setAttribute('hidden', '');
  }

  function init(serverConfig) {
    config = {
      title: data.parleyTitle || serverConfig.title || 'Support',
      color: /^#[0-9a-f]{3,8}$/i.test(data.parleyColor || '') ? data.parleyColor : (serverConfig.color || '#4f46e5'),
      greeting: data.parleyGreeting || serverConfig.greeting,
      position: data.parleyPosition || serverConfig.position || 'right',
      suggestions: data.parleySuggestions ? data.parleySuggestions.split('|') : (serverConfig.suggestions || []),
      talkToPerson: serverConfig.talkToPerson !== false,
      preChat: serverConfig.preChat || null
    };
    build();
    if (config.greeting) els.log.appendChild(el('div', { class: 'msg assistant' }, config.greeting));
    if (state.conversationId) resume();
    if (needsPreChat()) showPreChat(); else showHuman();
    if (state.open) toggle(true);
    verify().then(showIdentity);
  }

  function boot() {
    fetch(base + '/api/v1/widget/config').then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; }).then(init);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
