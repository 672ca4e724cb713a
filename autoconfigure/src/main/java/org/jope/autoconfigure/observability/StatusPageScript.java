package org.jope.autoconfigure.observability;

/**
 * The status page's style and script, inline: the page must work on a machine without internet access, so it loads
 * nothing from outside the site. The script polls {@code @@status-data} every two seconds, rewrites each fact from
 * the JSON path in its {@code data-fact} attribute, and draws the activity history as SVG polylines. It writes text
 * only through {@code textContent}, never as markup.
 */
final class StatusPageScript {

    static final int CHART_WIDTH = 600;

    static final int CHART_HEIGHT = 120;

    static final String STYLE = """
            <style>
            body { font-family: sans-serif; margin: 1.5em; color: #222; }
            table { border-collapse: collapse; margin-bottom: 1em; }
            th, td { text-align: left; padding: .2em .8em; border-bottom: 1px solid #ddd; }
            th { font-weight: normal; color: #555; }
            table.unsafe td { color: #b00020; }
            figure { margin: 0 0 1em 0; }
            svg .plot { fill: #f6f8fa; stroke: #ccc; }
            svg polyline { fill: none; stroke: #2a6fdb; stroke-width: 2; }
            .axis { display: flex; justify-content: space-between; width: %dpx; color: #777; font-size: small; }
            </style>
            """.formatted(CHART_WIDTH);

    static final String SCRIPT = """
            <script>
            (function () {
              'use strict';
              var WIDTH = %d, HEIGHT = %d, POLL_MILLIS = 2000;
              var note = document.getElementById('status-note');
              // A page opened as http://user:password@host/ resolves relative URLs with the credentials in them,
              // and fetch refuses those; the browser sends the login it has cached for the site instead.
              var dataUrl = new URL('@@status-data', window.location.href);
              dataUrl.username = '';
              dataUrl.password = '';
              function valueAt(object, path) {
                return path.split('.').reduce(function (found, key) {
                  return found === null || found === undefined ? found : found[key];
                }, object);
              }
              function text(value, format) {
                if (value === null || value === undefined) { return '-'; }
                if (typeof value === 'boolean') { return value ? 'yes' : 'no'; }
                if (format === 'percent') { return (value * 100).toFixed(1) + ' %%'; }
                return String(value);
              }
              function draw(id, values, capacity, top, digits) {
                var step = WIDTH / Math.max(capacity - 1, 1), first = capacity - values.length, points = [];
                for (var i = 0; i < values.length; i++) {
                  var y = HEIGHT - 4 - (top > 0 ? Math.min(values[i] / top, 1) : 0) * (HEIGHT - 8);
                  points.push(((first + i) * step).toFixed(1) + ',' + y.toFixed(1));
                }
                document.getElementById(id + '-line').setAttribute('points', points.join(' '));
                var now = values.length > 0 ? values[values.length - 1] : 0;
                var peak = Math.max.apply(null, values.concat([0]));
                document.getElementById(id + '-now').textContent = now.toFixed(digits);
                document.getElementById(id + '-peak').textContent = peak.toFixed(digits);
              }
              function show(data) {
                document.querySelectorAll('[data-fact]').forEach(function (cell) {
                  cell.textContent = text(valueAt(data.status, cell.getAttribute('data-fact')),
                      cell.getAttribute('data-format'));
                });
                var rates = data.samples.map(function (sample) { return sample.requestsPerSecond; });
                var used = data.samples.map(function (sample) { return sample.activeConnections || 0; });
                draw('requests', rates, data.capacity, Math.max.apply(null, rates.concat([1])), 1);
                draw('connections', used, data.capacity, data.status.store.poolSize, 0);
                note.textContent = 'Updated ' + new Date().toLocaleTimeString() + '; the charts cover the last '
                    + data.capacity + ' s.';
              }
              function refresh() {
                fetch(dataUrl.href, { cache: 'no-store', credentials: 'same-origin' })
                  .then(function (response) {
                    if (!response.ok) { throw new Error('HTTP ' + response.status); }
                    return response.json();
                  })
                  .then(show)
                  .catch(function (error) { note.textContent = 'Could not update: ' + error.message; });
              }
              refresh();
              setInterval(refresh, POLL_MILLIS);
            })();
            </script>
            """.formatted(CHART_WIDTH, CHART_HEIGHT);

    private StatusPageScript() {
    }

}
