/*!
 * Parley message formatting: a small, safe Markdown subset for chat messages, shared by the chat widget and
 * the agent dashboard. Paragraphs, "-"/"1." lists, **bold**, *emphasis*, `code` and links; a table becomes a
 * list of its rows. Everything is built as DOM nodes with textContent, never innerHTML, so text from articles,
 * models or customers cannot inject markup or scripts. Links open in a new tab and only http(s) and relative
 * addresses become links (relative ones resolved against options.base, the Parley server).
 */
(function (root) {
  'use strict';

  var ITEM = /^\s*([-*+]|\d{1,3}[.)])\s+(.*)$/;
  var HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
  var TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}/;
  var INLINE = new RegExp([
    '\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)',                  // 1, 2: [text](url)
    '\\*\\*([^*\\n]+?)\\*\\*',                                 // 3: bold
    '(^|[^\\w])__([^_\\n]+?)__(?!\\w)',                        // 4, 5: bold, not inside snake_case
    '(^|[\\s(])\\*([^*\\s](?:[^*\\n]*[^*\\s])?)\\*(?=$|[\\s.,;:!?)])', // 6, 7: emphasis
    '`([^`\\n]+)`',                                         // 8: code
    '(https?:\\/\\/[^\\s<>()]*[^\\s<>().,;:!?\'"])'          // 9: bare address
  ].join('|'), 'g');

  /** An absolute http(s) address, or a relative one resolved against the base; anything else is no link. */
  function safeHref(url, base) {
    var trimmed = String(url || '').trim();
    var relative = !/^https?:\/\//i.test(trimmed);
    if (relative && (/^[a-z][a-z0-9+.\-\s]*:/i.test(trimmed) || /^[\/\\\s]{2}/.test(trimmed))) return null;
    try {
      var resolved = new URL(trimmed, base || root.location.href);
      return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
    } catch (e) { return null; }
  }

  function link(doc, text, url, options) {
    var href = safeHref(url, options.base);
    if (!href) return doc.createTextNode(text);
    var a = doc.createElement('a');
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    a.textContent = text;
    return a;
  }

  function wrap(doc, tag, text, options) {
    var node = doc.createElement(tag);
    inline(doc, node, text, options);
    return node;
  }

  function inline(doc, parent, text, options) {
    var last = 0, match;
    var pattern = new RegExp(INLINE.source, 'g');
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index + (match[4] || match[6] || '').length;
      if (start > last) parent.appendChild(doc.createTextNode(text.slice(last, start)));
      if (match[1] != null) parent.appendChild(link(doc, match[1], match[2], options));
      else if (match[3] != null || match[5] != null) parent.appendChild(wrap(doc, 'strong', match[3] || match[5], options));
      else if (match[7] != null) parent.appendChild(wrap(doc, 'em', match[7], options));
      else if (match[8] != null) { var code = doc.createElement('code'); code.textContent = match[8]; parent.appendChild(code); }
      else if (match[9] != null) parent.appendChild(link(doc, match[9], match[9], options));
      last = match.index + match[0].length;
      if (match[0].length === 0) pattern.lastIndex++;
    }
    if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
  }

  function cells(row) {
    return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(function (c) { return c.trim(); });
  }

  /** A table's rows as list items: "name: value" for two columns, "first, Header: cell, ..." for more. */
  function tableItems(lines) {
    var header = cells(lines[0]);
    return lines.slice(1).filter(function (l) { return !TABLE_SEPARATOR.test(l); }).map(function (row) {
      var parts = [];
      cells(row).forEach(function (cell, i) {
        if (!cell) return;
        parts.push(i === 0 || !header[i] || header.length === 2 ? cell : header[i] + ': ' + cell);
      });
      return header.length === 2 ? parts.join(': ') : parts.join(', ');
    }).filter(function (item) { return item; });
  }

  function list(doc, ordered, items, options) {
    var node = doc.createElement(ordered ? 'ol' : 'ul');
    items.forEach(function (item) { node.appendChild(wrap(doc, 'li', item, options)); });
    return node;
  }

  /** Splits a block into runs of paragraph lines, list items and table rows. */
  function block(doc, fragment, lines, options) {
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      if (/^\s*\|/.test(line)) {
        var rows = [];
        while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(lines[i++]);
        fragment.appendChild(list(doc, false, tableItems(rows), options));
      } else if (ITEM.test(line)) {
        var ordered = /^\d/.test(ITEM.exec(line)[1]);
        var items = [];
        while (i < lines.length && ITEM.test(lines[i])) {
          var item = ITEM.exec(lines[i++])[2];
          while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !ITEM.test(lines[i])) item += ' ' + lines[i++].trim();
          items.push(item);
        }
        fragment.appendChild(list(doc, ordered, items, options));
      } else {
        var p = doc.createElement('p');
        var first = true;
        while (i < lines.length && !ITEM.test(lines[i]) && !/^\s*\|/.test(lines[i])) {
          if (!first) p.appendChild(doc.createElement('br'));
          var heading = HEADING.exec(lines[i]);
          if (heading) p.appendChild(wrap(doc, 'strong', heading[1], options));
          else inline(doc, p, lines[i], options);
          first = false;
          i++;
        }
        fragment.appendChild(p);
      }
    }
  }

  /** The message text as a DocumentFragment of p, ul/ol/li, strong, em, code, a and br elements. */
  function render(text, options) {
    options = options || {};
    var doc = options.document || root.document;
    var fragment = doc.createDocumentFragment();
    String(text == null ? '' : text).replace(/\r\n?/g, '\n').split(/\n\s*\n/).forEach(function (chunk) {
      var lines = chunk.split('\n').filter(function (l) { return l.trim() !== ''; });
      if (lines.length) block(doc, fragment, lines, options);
    });
    return fragment;
  }

  root.ParleyMessageFormat = { render: render, safeHref: safeHref };
})(typeof window !== 'undefined' ? window : this);
