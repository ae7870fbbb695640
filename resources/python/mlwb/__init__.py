"""Log metrics from a training script to ML Workbench.

The API follows Azure ML's ``Run`` (``Run.get_context()``, ``run.log(...)``,
``run.child_run()``) with MLflow-style module functions as aliases. Pure
standard library: it works with any Python 3 and any framework.

Inside a workbench run (``MLWB_RUN_DIR`` set) calls append JSON lines to
``$MLWB_RUN_DIR/metrics.jsonl``; the workbench tails that file. Numbers logged
with ``log()`` are collected per metric and written as one ``"scalars"`` line
of up to 8192 points (base64 arrays of values, steps and times); every other
call writes a line of its own. Outside, the run is offline and each call
prints one readable line instead.

Everything is buffered in memory and written as whole lines at least every
100 ms, on ``complete()``/``flush()`` and at interpreter exit. A process
killed without exit handlers (``os._exit``, SIGKILL, a crash) loses what it
logged in its last 100 ms at most.
"""

import atexit
import binascii
import errno
import itertools
import json
import os
import shutil
import struct
import sys
import threading
import time
import uuid

from . import _models
from ._models import Model

__all__ = ['Run', 'Model', 'log_metric', 'log_metrics', 'log_param', 'log_params',
           'set_tag', 'set_tags', 'flush', 'register_model']

FLUSH_INTERVAL = 0.1
METRICS_FILE = 'metrics.jsonl'
IMAGES_DIR = os.path.join('outputs', 'images')
BATCH_POINTS = 8192  # points of one metric in one "scalars" line at most

_time = time.time
_MAX_STEP = 2 ** 63 - 1
_pack = struct.pack
_b2a = binascii.b2a_base64


def _quote(text):
    """JSON string literal; non-ASCII stays UTF-8."""
    return json.dumps(str(text), ensure_ascii=False)


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


def _base64(fmt, items):
    return _b2a(_pack(fmt, *items), newline=False).decode('ascii')


class _Series:
    """One scalar metric of one run: its point counter and its points not yet
    written, as a flat list value, step, time, value, ... Loggers extend it by
    a whole point in one step (atomic, so the hot path takes no lock); only
    the sink, under its lock, takes points off the front.
    """

    __slots__ = ('prefix', 'counter', 'points')

    def __init__(self, prefix):
        self.prefix = prefix  # the line up to the values' base64
        self.counter = itertools.count()
        self.points = []

    def lines(self):
        """Takes the points logged so far as "scalars" lines."""
        points = self.points
        available = len(points)
        lines = []
        while available:
            size = min(available, 3 * BATCH_POINTS)
            chunk = points[:size]
            del points[:size]
            available -= size
            count = size // 3
            lines.append('%s%s","steps64":"%s","times64":"%s"}\n' % (
                self.prefix, _base64('<%dd' % count, chunk[0::3]),
                _base64('<%dq' % count, chunk[1::3]), _base64('<%dd' % count, chunk[2::3])))
        return lines


class _FileSink:
    """Buffers whole lines and appends them to the metrics file.

    One sink per file, shared by a run and its child runs. Other lines are
    appended to ``buf`` as they come; scalar points wait in their ``_Series``
    until it is full or the sink is flushed. Every BATCH lines in ``buf`` are
    joined into one string in ``chunks``: keeping many small strings alive
    makes each new one slower to allocate. ``_lock`` guards taking points out
    of series and lines out of ``buf`` (so one series' lines stay in order);
    ``_write_lock`` keeps flushes in order.
    """

    BATCH = 1024

    def __init__(self, path):
        self.path = path
        self.buf = []  # whole lines, each ending in a newline
        self.series = []  # every _Series of the runs writing here
        self._chunks = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._fd = None
        self._error = None
        self._pending = b''  # encoded bytes a failed write left unwritten
        self._start_flusher()
        if hasattr(os, 'register_at_fork'):
            os.register_at_fork(after_in_child=self._after_fork)

    def add(self, line):
        self.buf.append(line)
        if len(self.buf) >= self.BATCH:
            self.compact()

    def register(self, runs_series, name, series):
        """Adds series as runs_series[name] unless another thread was first."""
        with self._lock:
            if name not in runs_series:
                runs_series[name] = series
                self.series.append(series)
            return runs_series[name]

    def drain(self, series_list):
        """Moves the points of these series into ``buf`` as lines, before
        a line that must follow them."""
        with self._lock:
            for series in series_list:
                if series.points:
                    self.buf.extend(series.lines())

    def full(self, series):
        """A logger filled a series: its line goes out now."""
        with self._lock:
            if len(series.points) >= 3 * BATCH_POINTS:  # not already taken
                self.buf.extend(series.lines())
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
            for series in self.series:
                if series.points:
                    self.buf.extend(series.lines())
            count = len(self.buf)
            self._chunks.append(''.join(self.buf[:count]))
            del self.buf[:count]
            text, self._chunks = ''.join(self._chunks), []
            return text

    def flush(self):
        with self._write_lock:
            data = self._pending + self._take().encode('utf-8', 'replace')
            self._pending = b''
            if data:
                self._write(data)

    def _write(self, data):
        """Writes all of data; what a failure (a full disk) leaves unwritten
        is kept for the next try, so no byte is lost or written twice."""
        view = memoryview(data)
        try:
            if self._fd is None:
                os.makedirs(os.path.dirname(self.path) or '.', exist_ok=True)
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            while view:
                view = view[os.write(self._fd, view):]
        except OSError:
            self._pending = bytes(view)
            raise

    def flush_at_exit(self):
        """The last flush: a full disk is waited out, not a reason to lose lines."""
        while True:
            try:
                self.flush()
                return
            except OSError as e:
                if e.errno not in (errno.ENOSPC, errno.EDQUOT):
                    raise
                self._say_once(e)
                time.sleep(1)

    def _say_once(self, e):
        if str(e) != self._error:  # say it once, not ten times a second
            self._error = str(e)
            try:
                print('mlwb: cannot write %s: %s' % (self.path, e), file=sys.stderr)
            except OSError:
                pass  # stderr may be on the same full disk

    def _start_flusher(self):
        threading.Thread(target=self._flush_periodically, name='mlwb-flush', daemon=True).start()

    def _flush_periodically(self):
        while True:
            time.sleep(FLUSH_INTERVAL)
            if self.buf or self._chunks or self._pending or any(s.points for s in self.series):
                try:
                    self.flush()
                except OSError as e:
                    self._say_once(e)

    def _after_fork(self):
        # The parent owns what it buffered; a forked worker starts afresh.
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        del self.buf[:]
        self._pending = b''
        for series in self.series:
            del series.points[:]
        self._chunks = []
        self._start_flusher()


class _PrintSink:
    """Offline: one readable line per call on stdout."""

    def __init__(self):
        self._lock = threading.Lock()

    def register(self, runs_series, name, series):
        with self._lock:
            return runs_series.setdefault(name, series)

    def drain(self, series_list):
        pass  # offline, numbers are printed as they come

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
        self.id = run_id
        self.experiment_name = experiment_name
        self.name = name  # None for the root run
        self.display_name = name or run_id
        self.parent = parent
        self.run_dir = run_dir
        self._offline = isinstance(sink, _PrintSink)
        self._run_key = '' if name is None else '"run":%s,' % _quote(name)
        self._series = {}  # metric name -> _Series
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
        atexit.register(sink.flush_at_exit)
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
        if type(value) is not float or description or (step is not None and (
                type(step) is not int or not 0 <= step <= _MAX_STEP)):
            return self._log_slowly(name, value, step, description)
        series = self._series.get(name) or self._new_series(name)
        count = next(series.counter)
        points = series.points
        points += (value, count if step is None else step, _time())  # one atomic extend
        if len(points) >= 3 * BATCH_POINTS:
            self._sink.full(series)

    def _log_slowly(self, name, value, step, description):
        """log() for all but a float with a plain step: numbers other than
        floats, strings, bools, descriptions and odd steps."""
        number = None
        if not description and not isinstance(value, (bool, str)):
            number = _plain(value)
            if type(number) is int:
                try:
                    number = float(number)
                except OverflowError:
                    number = None
        if type(number) is not float:
            return self._log_other(name, value, step, description)
        if step is not None and type(step) is not int:
            step = int(step)
        if step is None or 0 <= step <= _MAX_STEP:
            return self.log(name, number, step)
        # A step the workbench rejects gets a line of its own, and so a
        # diagnostic of its own rather than spoiling a whole batch.
        self._metric(name, 'scalar', number, step, '', repr(number))

    def _new_series(self, name):
        """The series of one metric name: its line start and point counter."""
        prefix = '{"kind":"scalars",%s"name":%s,"values64":"' % (self._run_key, _quote(name))
        return self._sink.register(self._series, name, _Series(prefix))

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
        count = next(series.counter)
        step = count if step is None else int(step)
        self._sink.drain((series,))  # its earlier points go first
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
            self._sink.drain(list(self._series.values()))  # the points before the end
            self._emit(fields, 'status %s' % status)
        self._sink.flush()

    # ---- files and models (see _models.py) ---------------------------------

    def _root(self):
        run = self
        while run.parent is not None:
            run = run.parent
        return run

    def _code_dir(self):
        """Where the script's outputs/ is collected from: the run's code folder."""
        return os.path.join(self.run_dir, 'code')

    def upload_file(self, name, path_or_stream):
        """Put a file among the run's files (under outputs/); returns its name."""
        return _models.upload_file(self, name, path_or_stream)

    def upload_folder(self, name, path):
        """Put every file of a folder under outputs/NAME; returns their names."""
        return _models.upload_folder(self, name, path)

    def register_model(self, model_name, model_path, tags=None, properties=None,
                       description=None, model_framework=None, **kwargs):
        """Register outputs/... of this run as the next version of a model;
        returns the Model (name, version), with lineage to this run."""
        return _models.register_model(self, model_name, model_path, tags, properties,
                                      description, model_framework)

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
    (Run._context or Run.get_context()).log(key, value, step)


def log_metrics(metrics, step=None):
    run = Run._context or Run.get_context()
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


def register_model(model_uri, name, tags=None, description=None, properties=None, **kwargs):
    """MLflow's register_model: ``model_uri`` is a run file (``outputs/...``,
    ``runs:/RUN/outputs/...`` of this run) or, offline, a path on disk."""
    path = str(model_uri)
    if path.startswith('runs:/'):
        path = path[len('runs:/'):].split('/', 1)[1] if '/' in path[len('runs:/'):] else ''
    return Run.get_context().register_model(name, path, tags=tags, properties=properties,
                                            description=description)
