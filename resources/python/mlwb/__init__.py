"""Log metrics from a training script to ML Workbench.

The API follows Azure ML's ``Run`` (``Run.get_context()``, ``run.log(...)``,
``run.child_run()``) with MLflow-style module functions as aliases. Pure
standard library: it works with any Python 3 and any framework.

Inside a workbench run (``MLWB_RUN_DIR`` set) every call appends one JSON line
to ``$MLWB_RUN_DIR/metrics.jsonl``; the workbench tails that file. Outside, the
run is offline and each call prints one readable line instead.

Lines are buffered in memory and written as whole lines, at least every
100 ms, on ``complete()``/``flush()`` and at interpreter exit.
"""

import atexit
import itertools
import json
import os
import shutil
import sys
import threading
import time
import uuid

__all__ = ['Run', 'log_metric', 'log_metrics', 'log_param', 'log_params',
           'set_tag', 'set_tags', 'flush']

FLUSH_INTERVAL = 0.1
METRICS_FILE = 'metrics.jsonl'
IMAGES_DIR = os.path.join('outputs', 'images')

_time = time.time
_clock = (0.0, '0.000')  # (valid until, time text): formatting once per ms is enough


def _tick():
    global _clock
    now = _time()
    _clock = ((int(now * 1000) + 1) / 1000.0, '%.3f' % now)
    return _clock


def _quote(text):
    """JSON string literal; non-ASCII stays UTF-8."""
    return json.dumps(str(text), ensure_ascii=False)


def _number_token(value):
    """JSON token for a float, with Python json's NaN/Infinity spellings."""
    if value - value == 0.0:
        return repr(value)
    if value != value:
        return 'NaN'
    return 'Infinity' if value > 0 else '-Infinity'


def _plain(value):
    """A value json can write: bools and numpy-like numbers become numbers."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return float(value)  # also numpy.float64, a float subclass
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str) or value is None:
        return value
    if hasattr(value, 'item'):  # numpy scalars, 0-d tensors
        return _plain(value.item())
    if hasattr(value, '__float__'):
        return float(value)
    return str(value)


def _plain_list(values):
    if hasattr(values, 'tolist'):
        values = values.tolist()
    return [_plain(v) for v in values]


def _dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(',', ':'), allow_nan=True)


class _FileSink:
    """Buffers whole lines and appends them to the metrics file.

    One sink per file, shared by a run and its child runs. Loggers only
    ``append`` to ``buf`` (atomic, so the hot path takes no lock). Every
    BATCH lines they join it into one string in ``chunks``: keeping many small
    strings alive makes each new one several times slower to allocate.
    ``_lock`` guards moving lines out of ``buf``; ``_write_lock`` keeps
    flushes in order.
    """

    BATCH = 1024

    def __init__(self, path):
        self.path = path
        self.buf = []  # whole lines, each ending in a newline
        self._chunks = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._fd = None
        self._error = None
        self._start_flusher()
        if hasattr(os, 'register_at_fork'):
            os.register_at_fork(after_in_child=self._after_fork)

    def add(self, line):
        self.buf.append(line)
        if len(self.buf) >= self.BATCH:
            self.compact()

    def compact(self):
        with self._lock:
            count = len(self.buf)
            if count >= self.BATCH:  # another thread may just have done it
                self._chunks.append(''.join(self.buf[:count]))
                del self.buf[:count]

    def _take(self):
        with self._lock:
            count = len(self.buf)
            self._chunks.append(''.join(self.buf[:count]))
            del self.buf[:count]
            text, self._chunks = ''.join(self._chunks), []
            return text

    def flush(self):
        with self._write_lock:
            text = self._take()
            if not text:
                return
            try:
                self._write(text.encode('utf-8', 'replace'))
            except OSError:
                with self._lock:  # keep the lines for the next try
                    self._chunks.insert(0, text)
                raise

    def _write(self, data):
        if self._fd is None:
            os.makedirs(os.path.dirname(self.path) or '.', exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def _start_flusher(self):
        threading.Thread(target=self._flush_periodically, name='mlwb-flush', daemon=True).start()

    def _flush_periodically(self):
        while True:
            time.sleep(FLUSH_INTERVAL)
            if self.buf or self._chunks:
                try:
                    self.flush()
                except OSError as e:
                    if str(e) != self._error:  # say it once, not ten times a second
                        self._error = str(e)
                        print('mlwb: cannot write %s: %s' % (self.path, e), file=sys.stderr)

    def _after_fork(self):
        # The parent owns what it buffered; a forked worker starts afresh.
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        del self.buf[:]
        self._chunks = []
        self._start_flusher()


class _PrintSink:
    """Offline: one readable line per call on stdout."""

    def __init__(self):
        self.buf = []

    def add(self, line):
        print(line, flush=True)

    def flush(self):
        sys.stdout.flush()


class Run:
    """A run: the root run of this script, or one of its child runs."""

    _context = None
    _context_lock = threading.Lock()

    def __init__(self, sink, run_id, experiment_name, name=None, parent=None, run_dir=None):
        self._sink = sink
        self._buf = sink.buf
        self.id = run_id
        self.experiment_name = experiment_name
        self.name = name  # None for the root run
        self.display_name = name or run_id
        self.parent = parent
        self.run_dir = run_dir
        self._offline = isinstance(sink, _PrintSink)
        self._run_key = '' if name is None else '"run":%s,' % _quote(name)
        self._series = {}  # metric name -> [encoded prefix, points so far]
        self._tags = {}
        self._children = itertools.count(1)
        self._finished = False
        if self._offline:
            self.log = self._log_other  # printing needs no fast path

    # ---- construction -------------------------------------------------------

    @classmethod
    def get_context(cls, allow_offline=True, **kwargs):
        """The run this script executes in (offline when not in the workbench)."""
        with cls._context_lock:
            if cls._context is None:
                cls._context = cls._from_environment()
            return cls._context

    @classmethod
    def _from_environment(cls):
        run_dir = os.environ.get('MLWB_RUN_DIR')
        experiment = os.environ.get('MLWB_EXPERIMENT') or 'Default'
        run_id = os.environ.get('MLWB_RUN_ID')
        if not run_dir:
            return cls(_PrintSink(), run_id or 'OfflineRun_' + uuid.uuid4().hex[:8], experiment)
        run_dir = os.path.abspath(run_dir)
        sink = _FileSink(os.path.join(run_dir, METRICS_FILE))
        atexit.register(sink.flush)
        return cls(sink, run_id or os.path.basename(run_dir), experiment, run_dir=run_dir)

    def child_run(self, name=None, run_id=None, outputs=None):
        """Start a child run; its lines carry ``"run": name``.

        Children of a child are children of the root run too (with a
        ``"parent"`` key). Use it as a context manager to complete or fail it.
        """
        root = self
        while root.parent is not None:
            root = root.parent
        if name is None:
            name = 'child_%d' % next(root._children)
        name = str(name)
        child = Run(self._sink, '%s_%s' % (root.id, run_id or name), self.experiment_name,
                    name=name, parent=self, run_dir=self.run_dir)
        fields = {'name': name, 'kind': 'child', 'run': name, 'display_name': name}
        if self.name is not None:
            fields['parent'] = self.name
        child._emit(fields, 'child run %s started' % name)
        return child

    # ---- metrics ------------------------------------------------------------

    def log(self, name, value, step=None, description=''):
        """Log a number (scalar metric) or a string (string metric)."""
        kind = type(value)
        if kind is float:
            token = repr(value) if value - value == 0.0 else _number_token(value)
        elif kind is int:
            token = repr(value)
        elif kind is str or kind is bool or description:
            return self._log_other(name, value, step, description)
        else:  # numpy and friends
            value = _plain(value)
            if type(value) in (int, float):
                return self.log(name, value, step)
            return self._log_other(name, value, step, description)
        series = self._series.get(name) or self._new_series(name)
        count = next(series[1])
        if step is None:
            step = count
        elif type(step) is not int:
            step = int(step)
        clock = _clock
        if _time() >= clock[0]:
            clock = _tick()
        buf = self._buf
        buf.append(f'{series[0]}{token},"step":{step},"time":{clock[1]}}}\n')
        if len(buf) >= _FileSink.BATCH:
            self._sink.compact()

    def _new_series(self, name):
        """The cached start of a scalar line and the point counter of one metric name."""
        prefix = '{%s"name":%s,"value":' % (self._run_key, _quote(name))
        return self._series.setdefault(name, (prefix, itertools.count()))

    def _log_other(self, name, value, step=None, description=''):
        value = _plain(value)
        if isinstance(value, str):
            self._metric(name, 'string', value, step, description, repr(value))
        elif isinstance(value, (int, float)):
            self._metric(name, 'scalar', value, step, description, repr(value))
        else:
            raise TypeError('mlwb: log() takes a number or a string, not %s' % type(value).__name__)

    def log_list(self, name, value, description=''):
        """Log a list of numbers or strings."""
        values = _plain_list(value)
        self._metric(name, 'list', values, None, description, repr(values))

    def log_row(self, name, description=None, **kwargs):
        """Log one row; rows of one name form a table over time."""
        row = {str(k): _plain(v) for k, v in kwargs.items()}
        self._metric(name, 'row', row, None, description, repr(row))

    def log_table(self, name, value, description=''):
        """Log a table given as {column: [values]}."""
        table = {str(k): _plain_list(v) for k, v in value.items()}
        self._metric(name, 'table', table, None, description, '%d columns' % len(table))

    def log_image(self, name, path=None, plot=None, description=''):
        """Log an image file or a matplotlib figure (saved as PNG)."""
        if (path is None) == (plot is None):
            raise ValueError('mlwb: log_image() takes either path or plot')
        if self._offline:
            what = path if path is not None else 'figure'
            return self._metric(name, 'image', str(what), None, description, str(what))
        target = self._image_target(name, path)
        if plot is not None:
            plot.savefig(target, format='png')
        elif os.path.abspath(path) != target:
            shutil.copyfile(path, target)
        rel = os.path.relpath(target, self.run_dir).replace(os.sep, '/')
        self._metric(name, 'image', rel, None, description, rel)

    def _image_target(self, name, path):
        """A free file name in outputs/images/, or the file itself if already in outputs/."""
        if path is not None:
            full = os.path.abspath(path)
            if full.startswith(os.path.join(self.run_dir, 'outputs') + os.sep):
                return full
            base, ext = os.path.splitext(os.path.basename(path))
        else:
            base, ext = ''.join(c if c.isalnum() or c in '-_.' else '_' for c in name), '.png'
        folder = os.path.join(self.run_dir, IMAGES_DIR)
        os.makedirs(folder, exist_ok=True)
        for n in itertools.count():
            candidate = os.path.join(folder, base + ('_%d' % n if n else '') + ext)
            if not os.path.exists(candidate):
                return candidate

    def _metric(self, name, kind, value, step, description, shown):
        series = self._series.get(name) or self._new_series(name)
        count = next(series[1])
        step = count if step is None else int(step)
        fields = {'name': str(name), 'kind': kind, 'value': value, 'step': step,
                  'time': round(_time(), 3)}
        if description:
            fields['description'] = str(description)
        self._emit(fields, '%s = %s (step %d)' % (name, shown, step))

    # ---- tags ---------------------------------------------------------------

    def tag(self, key, value=None):
        """Set a tag; a tag without a value is an empty string."""
        key, value = str(key), '' if value is None else str(value)
        self._tags[key] = value
        self._emit({'name': key, 'kind': 'tag', 'value': value}, 'tag %s = %s' % (key, value))

    def set_tags(self, tags):
        for key, value in dict(tags).items():
            self.tag(key, value)

    def get_tags(self):
        """The tags set by this script (a copy)."""
        return dict(self._tags)

    # ---- lifetime -----------------------------------------------------------

    def complete(self):
        """Mark a child run completed; on the root run, write out what is buffered."""
        self._finish('Completed')

    def fail(self, error_details=None, error_code=None):
        """Mark a child run failed. The root run's status is the script's exit code."""
        self._finish('Failed', error_details)

    def cancel(self):
        self._finish('Canceled')

    def flush(self):
        self._sink.flush()

    def _finish(self, status, error=None):
        if self.name is not None and not self._finished:
            self._finished = True
            fields = {'name': 'status', 'kind': 'status', 'value': status}
            if error is not None:
                fields['error'] = str(error)
            self._emit(fields, 'status %s' % status)
        self._sink.flush()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.complete()
        else:
            self.fail(error_details=exc)
        return False

    def __repr__(self):
        return 'Run(id=%r, experiment=%r%s)' % (
            self.id, self.experiment_name, ', offline' if self._offline else '')

    # ---- output -------------------------------------------------------------

    def _emit(self, fields, shown):
        if self._offline:
            prefix = 'mlwb offline' + ('' if self.name is None else ' [%s]' % self.name)
            self._sink.add('%s: %s' % (prefix, shown))
            return
        if self.name is not None:
            fields = dict(fields, run=self.name)
        self._sink.add(_dumps(fields) + '\n')


def log_metric(key, value, step=None):
    Run.get_context().log(key, value, step=step)


def log_metrics(metrics, step=None):
    run = Run.get_context()
    for key, value in dict(metrics).items():
        run.log(key, value, step=step)


def log_param(key, value):
    """Parameters are stored as tags."""
    Run.get_context().tag(key, value)


def log_params(params):
    Run.get_context().set_tags(params)


def set_tag(key, value):
    Run.get_context().tag(key, value)


def set_tags(tags):
    Run.get_context().set_tags(tags)


def flush():
    Run.get_context().flush()
