// Import page: uploads the files to the import API with a progress bar, then shows the report, or the
// problem (with the file and line) when the import was refused.
(function () {
    const form = document.getElementById('import-form');
    if (!form) return;
    const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
    const files = document.getElementById('import-files');
    const format = document.getElementById('import-format');
    const progress = document.getElementById('import-progress');
    const status = document.getElementById('import-status');
    const result = document.getElementById('import-result');
    const submit = document.getElementById('import-submit');

    function show(className, lines) {
        result.hidden = false;
        result.className = className;
        result.replaceChildren(...lines.map(line => {
            const p = document.createElement('p');
            p.textContent = line;
            return p;
        }));
    }

    function parse(text) {
        try { return JSON.parse(text); } catch (e) { return null; }
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        if (!files.files.length) {
            show('error', ['Choose at least one file.']);
            return;
        }
        const data = new FormData();
        data.append('format', format.value);
        for (const file of files.files) data.append('file', file, file.name);

        const xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action'));
        const header = meta('_csrf_header'), token = meta('_csrf');
        if (header && token) xhr.setRequestHeader(header, token);
        xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
        xhr.upload.onprogress = e => {
            if (e.lengthComputable) {
                progress.value = Math.round(100 * e.loaded / e.total);
                status.textContent = 'Uploading… ' + progress.value + '%';
            }
        };
        xhr.upload.onload = () => { status.textContent = 'Uploaded; importing…'; };
        xhr.onload = () => {
            submit.disabled = false;
            progress.value = 100;
            const body = parse(xhr.responseText) || {};
            if (xhr.status >= 200 && xhr.status < 300) {
                status.textContent = 'Done.';
                show('notice', ['Imported: ' + body.created + ' new, ' + body.updated + ' updated, '
                    + body.examples + ' example questions. The search index catches up in the background.']);
                const link = document.createElement('a');
                link.href = '/knowledge';
                link.textContent = 'Back to the article list';
                result.appendChild(link);
            } else if (xhr.status === 401) {
                location.reload();
            } else {
                status.textContent = 'Nothing was imported.';
                const detail = body.detail || 'HTTP ' + xhr.status;
                // the detail usually names the file and line already
                const where = [body.file, body.line ? 'line ' + body.line : null].filter(Boolean).join(', ');
                const located = !where || (body.line && detail.includes('line ' + body.line));
                show('error', [(body.title || 'Import failed') + ': ' + detail + (located ? '' : ' (' + where + ')')]);
            }
        };
        xhr.onerror = () => {
            submit.disabled = false;
            status.textContent = '';
            show('error', ['The upload did not reach the server. Check the connection and try again.']);
        };
        submit.disabled = true;
        progress.hidden = false;
        progress.value = 0;
        result.hidden = true;
        status.textContent = 'Uploading…';
        xhr.send(data);
    });
})();
