"""The scoring server of ML Workbench images and deployments.

Follows the Azure ML scoring contract: the user's script defines ``init()``,
run once and loading models from ``AZUREML_MODEL_DIR``, and ``run(raw_data)``,
called per request with the request body (a JSON text). Standard library only,
so it runs on any base image with Python 3.

Routes: ``GET /`` liveness, ``POST /score``, ``GET /swagger.json`` (OpenAPI,
schema inferred from the sample input/output when given) and ``GET /metrics``
(Prometheus text: requests, errors and latency quantiles).

Settings come from the environment:
  MLWB_SCORING_SCRIPT  the script (default /var/azureml-app/score.py)
  MLWB_PORT            port (default 5001); MLWB_HOST (default 0.0.0.0)
  MLWB_MAX_REQUEST_BYTES  body size limit (default 100 MiB); larger gets 413
  MLWB_KEYS_FILE       a file with one key per line; when set, requests to
                       /score need ``Authorization: Bearer KEY`` (re-read when
                       it changes, so a regenerated key takes effect at once)
  MLWB_SAMPLE_INPUT / MLWB_SAMPLE_OUTPUT  JSON files for the OpenAPI schema
  MLWB_INSTALL_AT_START  requirements the image lacks (space-separated), put
                       into .packages beside the script with pip before init();
                       that needs network access (or a wheel source) at deploy time

A failing ``init()`` prints its traceback and exits with status 3, so a
supervisor can tell it apart from a crash later on.
"""

import hmac
import importlib.util
import json
import os
import socket
import subprocess
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_DIR = '/var/azureml-app'
INIT_FAILED = 3
LATENCY_WINDOW = 4096  # recent requests the quantiles are taken over
DRAIN_LIMIT = 64 * 1024 * 1024  # of a refused body, read before closing


def _env(name, default):
    return os.environ.get(name) or default


class Keys:
    """Keys from MLWB_KEYS_FILE, re-read whenever the file changes."""

    def __init__(self, path):
        self.path = path
        self.stamp = None
        self.keys = []
        self.lock = threading.Lock()

    def enabled(self):
        return bool(self.path)

    def _load(self):
        try:
            st = os.stat(self.path)
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            return []  # no file: no key is valid, never "open"
        with self.lock:
            if stamp != self.stamp:
                with open(self.path, encoding='utf-8') as f:
                    self.keys = [k.strip() for k in f if k.strip()]
                self.stamp = stamp
            return self.keys

    def accepts(self, header):
        if not header or not header.startswith('Bearer '):
            return False
        given = header[len('Bearer '):].strip().encode()
        return any(hmac.compare_digest(given, k.encode()) for k in self._load())


class Counters:
    """Request counts and recent latencies for GET /metrics."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_code = {}
        self.latencies = [0.0] * LATENCY_WINDOW
        self.count = 0
        self.seconds = 0.0

    def add(self, code, seconds):
        with self.lock:
            self.by_code[code] = self.by_code.get(code, 0) + 1
            self.latencies[self.count % LATENCY_WINDOW] = seconds
            self.count += 1
            self.seconds += seconds

    def text(self):
        with self.lock:
            codes = dict(self.by_code)
            n = min(self.count, LATENCY_WINDOW)
            recent = sorted(self.latencies[:n])
            count, total = self.count, self.seconds
        lines = ['# TYPE mlwb_requests_total counter']
        for code in sorted(codes):
            lines.append('mlwb_requests_total{code="%d"} %d' % (code, codes[code]))
        errors = sum(v for c, v in codes.items() if c >= 400)
        lines += ['# TYPE mlwb_request_errors_total counter',
                  'mlwb_request_errors_total %d' % errors,
                  '# TYPE mlwb_request_seconds summary']
        for q in (0.5, 0.95, 0.99):
            value = recent[min(n - 1, int(q * n))] if n else 0.0
            lines.append('mlwb_request_seconds{quantile="%s"} %.6f' % (q, value))
        lines += ['mlwb_request_seconds_sum %.6f' % total,
                  'mlwb_request_seconds_count %d' % count]
        return '\n'.join(lines) + '\n'


def load_script(path):
    spec = importlib.util.spec_from_file_location('score', path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec.loader.exec_module(module)
    for name in ('init', 'run'):
        if not callable(getattr(module, name, None)):
            raise RuntimeError('the scoring script %s defines no %s()' % (path, name))
    return module


def _schema(value):
    """A JSON schema for a sample value."""
    if isinstance(value, bool):
        return {'type': 'boolean'}
    if isinstance(value, int):
        return {'type': 'integer'}
    if isinstance(value, float):
        return {'type': 'number'}
    if isinstance(value, str):
        return {'type': 'string'}
    if isinstance(value, list):
        return {'type': 'array', 'items': _schema(value[0]) if value else {}}
    if isinstance(value, dict):
        return {'type': 'object', 'properties': {k: _schema(v) for k, v in value.items()}}
    return {}


def _sample(variable):
    path = os.environ.get(variable)
    if not path:
        return None
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def openapi(sample_in, sample_out):
    def body(sample):
        schema = _schema(sample) if sample is not None else {}
        if sample is not None:
            schema['example'] = sample
        return {'application/json': {'schema': schema}}

    return {
        'openapi': '3.0.1',
        'info': {'title': 'ML Workbench scoring service', 'version': '1.0'},
        'paths': {
            '/': {'get': {'responses': {'200': {'description': 'Healthy'}}}},
            '/score': {'post': {
                'requestBody': {'required': True, 'content': body(sample_in)},
                'responses': {'200': {'description': 'The prediction',
                                      'content': body(sample_out)},
                              '400': {'description': 'Not JSON'},
                              '401': {'description': 'A missing or wrong key'},
                              '413': {'description': 'The body is too large'},
                              '500': {'description': 'run() raised'}}}},
        },
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'  # keep-alive
    # Headers and body go out in two writes; with Nagle on, a keep-alive
    # client's delayed ACK holds the second for ~40 ms on every request.
    disable_nagle_algorithm = True
    server_version = 'mlwb-score/1'
    # Set by serve():
    script = None
    keys = None
    counters = None
    limit = 0
    swagger = b'{}'

    def log_message(self, fmt, *args):  # one line per error only, not per request
        pass

    def _send(self, code, payload, content_type='application/json'):
        data = payload if isinstance(payload, bytes) else payload.encode('utf-8')
        self.send_response(code)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _drain(self, length):
        # Closing with the body unread resets the connection, and the client
        # may lose the 413 with it: stop writing, read and drop what it sends.
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(2)
            left = min(length, DRAIN_LIMIT)
            while left > 0:
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _error(self, code, message):
        self._send(code, json.dumps({'error': message}))

    def do_GET(self):
        path = self.path.split('?', 1)[0]
        if path == '/':
            self._send(200, 'Healthy', 'text/plain; charset=utf-8')
        elif path == '/swagger.json':
            self._send(200, self.swagger)
        elif path == '/metrics':
            self._send(200, self.counters.text(), 'text/plain; version=0.0.4')
        else:
            self._error(404, 'no route %s' % path)

    def do_POST(self):
        start = time.perf_counter()
        code = self._score()
        self.counters.add(code, time.perf_counter() - start)

    def _score(self):
        if self.path.split('?', 1)[0] != '/score':
            self._error(404, 'no route %s' % self.path)
            return 404
        try:
            length = int(self.headers.get('Content-Length', ''))
        except ValueError:
            self.close_connection = True
            self._error(411, 'a Content-Length header is required')
            return 411
        if length > self.limit:
            self.close_connection = True  # the body is not read
            self._error(413, 'the request body has %d bytes; the limit is %d'
                        % (length, self.limit))
            self._drain(length)
            return 413
        body = self.rfile.read(length)
        if self.keys.enabled() and not self.keys.accepts(self.headers.get('Authorization')):
            self._error(401, 'a missing or wrong key: send Authorization: Bearer KEY')
            return 401
        try:
            text = body.decode('utf-8')
            json.loads(text)
        except ValueError as e:
            self._error(400, 'the request body is not JSON: %s' % e)
            return 400
        try:
            result = self.script.run(text)
        except Exception as e:  # the message, never the traceback
            traceback.print_exc()
            sys.stderr.flush()
            self._error(500, '%s: %s' % (type(e).__name__, e))
            return 500
        try:
            payload = json.dumps(result)
        except (TypeError, ValueError) as e:
            self._error(500, 'run() returned something that is not JSON: %s' % e)
            return 500
        self._send(200, payload)
        return 200


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: many clients connecting at once
    # would see dropped SYNs and seconds of retransmission before an answer.
    request_queue_size = 128


def install_at_start(script_path):
    wanted = os.environ.get('MLWB_INSTALL_AT_START', '').split()
    if not wanted:
        return
    target = os.path.join(os.path.dirname(os.path.abspath(script_path)), '.packages')
    sys.path.insert(0, target)
    marker = os.path.join(target, '.mlwb-installed')
    try:
        with open(marker) as f:
            if f.read().split() == wanted:  # installed at an earlier start
                return
    except OSError:
        pass
    print('installing at first start: ' + ' '.join(wanted), flush=True)
    result = subprocess.run([sys.executable, '-m', 'pip', 'install', '--no-input',
                             '--disable-pip-version-check', '--target', target] + wanted,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write('could not install %s at first start (pip needs network access, or '
                         'a wheel source such as PIP_FIND_LINKS, at deploy time):\n%s\n'
                         % (' '.join(wanted), result.stdout.strip()[-4000:]))
        sys.stderr.flush()
        sys.exit(INIT_FAILED)
    with open(marker, 'w') as f:
        f.write(' '.join(wanted))


def serve():
    script_path = _env('MLWB_SCORING_SCRIPT', os.path.join(APP_DIR, 'score.py'))
    os.environ.setdefault('AZUREML_MODEL_DIR', os.path.join(APP_DIR, 'azureml-models'))
    install_at_start(script_path)
    try:
        script = load_script(script_path)
        script.init()
        swagger = json.dumps(openapi(_sample('MLWB_SAMPLE_INPUT'),
                                     _sample('MLWB_SAMPLE_OUTPUT'))).encode('utf-8')
    except Exception:
        sys.stderr.write('init() failed:\n')
        traceback.print_exc()
        sys.stderr.flush()
        sys.exit(INIT_FAILED)
    Handler.script = script
    Handler.keys = Keys(os.environ.get('MLWB_KEYS_FILE', ''))
    Handler.counters = Counters()
    Handler.limit = int(_env('MLWB_MAX_REQUEST_BYTES', str(100 * 1024 * 1024)))
    Handler.swagger = swagger
    host, port = _env('MLWB_HOST', '0.0.0.0'), int(_env('MLWB_PORT', '5001'))
    server = Server((host, port), Handler)
    print('mlwb scoring server listening on %s:%d' % (host, server.server_port), flush=True)
    server.serve_forever()


if __name__ == '__main__':
    serve()
