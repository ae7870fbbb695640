"""Tests of the mlwb logging helper: the lines each call writes to metrics.jsonl."""

import base64
import contextlib
import errno
import io
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from unittest import mock

import mlwb


class _Figure:
    """Stands in for a matplotlib figure."""

    def savefig(self, path, format=None):
        with open(path, 'wb') as f:
            f.write(b'png:' + str(format).encode())


def _decode(text, code):
    """A base64 column: little-endian 8-byte numbers, whatever this machine's order."""
    data = base64.b64decode(text, validate=True)
    assert len(data) % 8 == 0, len(data)
    return list(struct.unpack('<%d%s' % (len(data) // 8, code), data))


def _points(line):
    """The points of one decoded line: a "scalars" line or a single scalar."""
    if line.get('kind') != 'scalars':
        return [(line['value'], line['step'], line['time'])]
    values = _decode(line['values64'], 'd')
    steps = _decode(line['steps64'], 'q')
    times = _decode(line['times64'], 'd')
    assert len(values) == len(steps) == len(times)
    return list(zip(values, steps, times))


class HelperTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = self._tmp.name
        self._env = dict(os.environ)
        os.environ.update(MLWB_RUN_DIR=self.dir, MLWB_RUN_ID='run_42', MLWB_EXPERIMENT='mnist')
        mlwb.Run._context = None
        self.run = mlwb.Run.get_context()

    def tearDown(self):
        mlwb.Run._context = None
        os.environ.clear()
        os.environ.update(self._env)
        self._tmp.cleanup()

    def raw_lines(self):
        self.run.flush()
        path = os.path.join(self.dir, 'metrics.jsonl')
        if not os.path.exists(path):
            return []
        with open(path, encoding='utf-8') as f:
            text = f.read()
        self.assertTrue(text == '' or text.endswith('\n'))
        return text.splitlines()

    def lines(self):
        return [json.loads(line) for line in self.raw_lines()]

    def points(self, name, run=None):
        """(value, step, time) of every number logged under name, in file order."""
        return [p for d in self.lines()
                if d.get('name') == name and d.get('run') == run
                and d.get('kind') in (None, 'scalar', 'scalars')
                for p in _points(d)]


class TestFileOutput(HelperTestCase):
    def test_context(self):
        self.assertIs(mlwb.Run.get_context(), self.run)
        self.assertEqual(self.run.id, 'run_42')
        self.assertEqual(self.run.experiment_name, 'mnist')

    def test_scalars_line(self):
        before = time.time()
        self.run.log('loss', 0.25, step=3)
        self.run.log('loss', 0.5)
        after = time.time()
        [line] = self.raw_lines()
        self.assertTrue(line.startswith('{"kind":"scalars","name":"loss","values64":"'), line)
        d = json.loads(line)
        self.assertEqual(sorted(d), ['kind', 'name', 'steps64', 'times64', 'values64'])
        # Explicitly little-endian, whatever the machine.
        self.assertEqual(base64.b64decode(d['values64']), struct.pack('<2d', 0.25, 0.5))
        self.assertEqual(base64.b64decode(d['steps64']), struct.pack('<2q', 3, 1))
        times = _decode(d['times64'], 'd')
        self.assertTrue(before <= times[0] <= times[1] <= after, (before, times, after))

    def test_values(self):
        cases = [(0.1, 0.1), (-2.5e-300, -2.5e-300), (7, 7.0), (2 ** 70, float(2 ** 70)),
                 (True, 1), (False, 0), (2 ** 1100, 2 ** 1100)]
        for value, expected in cases:
            self.run.log('v', value)
        self.assertEqual([(v, s) for v, s, _ in self.points('v')],
                         [(e, i) for i, (_, e) in enumerate(cases)])
        # Numbers go in as float64; bools and ints too big for one keep a line
        # of their own, as before.
        kinds = [d.get('kind') for d in self.lines()]
        self.assertEqual(kinds, ['scalars', 'scalar', 'scalar', 'scalar'])
        self.assertEqual(type(self.lines()[0]['values64']), str)

    def test_non_finite(self):
        values = [float('nan'), float('inf'), float('-inf'), -0.0, 5e-324]
        for value in values:
            self.run.log('x', value)
        decoded = [v for v, _, _ in self.points('x')]
        self.assertTrue(math.isnan(decoded[0]))
        self.assertEqual(decoded[1:], values[1:])
        self.assertEqual(math.copysign(1, decoded[3]), -1)

    def test_number_like(self):
        class Number:
            def __float__(self):
                return 2.5

        class Scalar:  # numpy scalars and 0-d tensors
            def item(self):
                return 3

            def __int__(self):
                return 3

        self.run.log('x', Number())
        self.run.log('x', Scalar(), step=Scalar())
        self.run.log('x', 4.0, step=5.0)
        self.assertEqual([(v, s) for v, s, _ in self.points('x')], [(2.5, 0), (3.0, 3), (4.0, 5)])

    def test_odd_steps_get_lines_of_their_own(self):
        # The workbench rejects these; alone on a line, they spoil no batch.
        self.run.log('x', 1.0)
        self.run.log('x', 2.0, step=-1)
        self.run.log('x', 3.0, step=2 ** 63)
        self.run.log('x', 4.0)
        lines = self.lines()
        self.assertEqual([d.get('kind') for d in lines], ['scalars', 'scalar', 'scalar', 'scalars'])
        self.assertEqual([(v, s) for v, s, _ in self.points('x')],
                         [(1.0, 0), (2.0, -1), (3.0, 2 ** 63), (4.0, 3)])

    def test_batch_cap(self):
        cap = mlwb.BATCH_POINTS
        self.assertEqual(cap, 8192)
        for i in range(2 * cap + 5):
            self.run.log('loss', i * 0.5)
        # The full batches went out at the cap, before any flush.
        self.assertEqual(len(self.run._sink.buf) + len(self.run._sink._chunks), 2)
        lines = self.lines()
        self.assertEqual([len(_points(d)) for d in lines], [cap, cap, 5])
        self.assertEqual([(v, s) for v, s, _ in self.points('loss')],
                         [(i * 0.5, i) for i in range(2 * cap + 5)])
        # Three columns of 8192 * 8 bytes in base64, and the keys.
        self.assertEqual(max(len(line) for line in self.raw_lines()), 3 * 87384 + 72)

    def test_same_name_keeps_order(self):
        self.run.log('x', 1.0)
        self.run.log('x', 'text')
        self.run.log('y', 2.0)
        self.run.log_row('x', a=1)
        self.run.log('x', 3.0)
        x = [(d['kind'], d.get('value', d.get('values64'))) for d in self.lines()
             if d['name'] == 'x']
        self.assertEqual([k for k, _ in x], ['scalars', 'string', 'row', 'scalars'])
        self.assertEqual([s for _, s, _ in self.points('x')], [0, 3])

    def test_string_metric(self):
        self.run.log('phase', 'warm "up"', step=2, description='what runs')
        [d] = self.lines()
        self.assertEqual((d['kind'], d['value'], d['step'], d['description']),
                         ('string', 'warm "up"', 2, 'what runs'))

    def test_names_are_escaped(self):
        self.run.log('a "b" \\ ä 损失', 1)
        self.assertEqual(self.lines()[0]['name'], 'a "b" \\ ä 损失')

    def test_steps_count_earlier_points(self):
        self.run.log('a', 1)
        self.run.log('a', 2)
        self.run.log('b', 3)
        self.run.log('a', 4, step=10)
        self.run.log('a', 'five')
        self.run.log('a', 6)
        self.assertEqual([s for _, s, _ in self.points('a')], [0, 1, 10, 4])
        self.assertEqual([s for _, s, _ in self.points('b')], [0])
        self.assertEqual([d['step'] for d in self.lines() if d['kind'] == 'string'], [3])

    def test_list(self):
        self.run.log_list('l', [1, 2.5, 'x', True, float('nan')])
        [d] = self.lines()
        self.assertEqual((d['kind'], d['value'][:4], d['step']), ('list', [1, 2.5, 'x', 1], 0))
        self.assertTrue(math.isnan(d['value'][4]))

    def test_row(self):
        self.run.log_row('r', epoch=1, acc=0.5)
        self.run.log_row('r', epoch=2, acc=0.75)
        rows = self.lines()
        self.assertEqual([(d['kind'], d['value'], d['step']) for d in rows],
                         [('row', {'epoch': 1, 'acc': 0.5}, 0), ('row', {'epoch': 2, 'acc': 0.75}, 1)])

    def test_table(self):
        self.run.log_table('t', {'x': [1, 2], 'y': ['a', 'b']})
        [d] = self.lines()
        self.assertEqual((d['kind'], d['value']), ('table', {'x': [1, 2], 'y': ['a', 'b']}))

    def test_image_from_path(self):
        source = os.path.join(tempfile.gettempdir(), 'mlwb_test_%d.png' % os.getpid())
        with open(source, 'wb') as f:
            f.write(b'image')
        try:
            self.run.log_image('roc', path=source)
            self.run.log_image('roc', path=source)
        finally:
            os.remove(source)
        first, second = self.lines()
        self.assertEqual(first['kind'], 'image')
        self.assertTrue(first['value'].startswith('outputs/images/mlwb_test_'))
        self.assertNotEqual(first['value'], second['value'])
        with open(os.path.join(self.dir, first['value']), 'rb') as f:
            self.assertEqual(f.read(), b'image')

    def test_image_from_plot(self):
        self.run.log_image('loss curve', plot=_Figure())
        [d] = self.lines()
        self.assertEqual(d['value'], 'outputs/images/loss_curve.png')
        self.assertTrue(os.path.isfile(os.path.join(self.dir, d['value'])))
        with self.assertRaises(ValueError):
            self.run.log_image('x')

    def test_tags(self):
        self.run.tag('lr', 0.01)
        self.run.tag('baseline')
        self.run.set_tags({'model': 'cnn'})
        self.assertEqual(self.run.get_tags(), {'lr': '0.01', 'baseline': '', 'model': 'cnn'})
        self.assertEqual([(d['kind'], d['name'], d['value']) for d in self.lines()],
                         [('tag', 'lr', '0.01'), ('tag', 'baseline', ''), ('tag', 'model', 'cnn')])

    def test_child_run(self):
        child = self.run.child_run('fold 1')
        child.log('acc', 0.9)
        child.log('acc', 0.95)
        child.tag('k', 'v')
        self.run.log('acc', 0.5)
        child.complete()
        # The child's points are written before its end; the root's may follow.
        declared, tag, acc, status, root_acc = self.lines()
        self.assertEqual(declared, {'name': 'fold 1', 'kind': 'child', 'run': 'fold 1',
                                    'display_name': 'fold 1'})
        self.assertEqual((acc['run'], acc['kind']), ('fold 1', 'scalars'))
        self.assertTrue(json.dumps(acc).startswith('{"kind": "scalars", "run": "fold 1", '))
        self.assertEqual([(v, s) for v, s, _ in _points(acc)], [(0.9, 0), (0.95, 1)])
        self.assertNotIn('run', root_acc)
        self.assertEqual(tag['run'], 'fold 1')
        self.assertEqual((status['kind'], status['value'], status['run']),
                         ('status', 'Completed', 'fold 1'))
        self.assertEqual(child.id, 'run_42_fold 1')

    def test_child_run_context_manager(self):
        with self.run.child_run() as ok:
            ok.log('x', 1)
        with self.assertRaises(RuntimeError):
            with self.run.child_run() as broken:
                raise RuntimeError('boom')
        statuses = [(d['run'], d['value']) for d in self.lines() if d.get('kind') == 'status']
        self.assertEqual(statuses, [('child_1', 'Completed'), ('child_2', 'Failed')])
        self.assertEqual(broken.name, 'child_2')

    def test_root_complete_writes_no_status(self):
        self.run.log('x', 1)
        self.run.complete()
        self.assertEqual(len(self.lines()), 1)

    def test_mlflow_aliases(self):
        mlwb.log_metric('loss', 0.5, step=4)
        mlwb.log_metrics({'loss': 0.25, 'acc': 0.75})
        mlwb.log_param('epochs', 10)
        mlwb.set_tag('team', 'vision')
        self.assertEqual([(v, s) for v, s, _ in self.points('loss')], [(0.5, 4), (0.25, 1)])
        self.assertEqual([(v, s) for v, s, _ in self.points('acc')], [(0.75, 0)])
        tags = [(d['name'], d['value']) for d in self.lines() if d['kind'] == 'tag']
        self.assertEqual(tags, [('epochs', '10'), ('team', 'vision')])

    def test_threads(self):
        # Each thread's values say which call they came from; a point torn
        # between threads would pair a value with another call's step.
        def work(k):
            for i in range(5000):
                self.run.log('shared', k * 10000.0 + i)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        points = self.points('shared')
        self.assertEqual(sorted(s for _, s, _ in points), list(range(20000)))
        for k in range(4):
            mine = sorted((v, s) for v, s, _ in points if v // 10000 == k)
            self.assertEqual([v for v, _ in mine], [k * 10000.0 + i for i in range(5000)])
            steps = [s for _, s in mine]
            self.assertEqual(steps, sorted(steps))  # a thread's own calls count up

    def test_lines_are_whole_while_writing(self):
        path = os.path.join(self.dir, 'metrics.jsonl')
        for i in range(3 * mlwb.BATCH_POINTS):
            self.run.log('x', i)
            if i % 1000 == 0 and os.path.exists(path):
                with open(path) as f:
                    text = f.read()
                self.assertTrue(text == '' or text.endswith('\n'))
        self.assertEqual(len(self.points('x')), 3 * mlwb.BATCH_POINTS)

    def test_written_at_exit(self):
        script = 'import mlwb\nmlwb.Run.get_context().log("x", 1.5)\n'
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        subprocess.run([sys.executable, '-c', script], env=env, check=True)
        self.assertEqual(self.points('x')[0][0], 1.5)

    def test_written_within_the_flush_interval_before_a_crash(self):
        # os._exit skips the exit handlers: only the periodic flush writes.
        script = ('import mlwb, os, time\nrun = mlwb.Run.get_context()\n'
                  'for i in range(20000):\n    run.log("x", float(i))\n'
                  'time.sleep(0.5)\nos._exit(3)\n')
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        done = subprocess.run([sys.executable, '-c', script], env=env)
        self.assertEqual(done.returncode, 3)
        self.assertEqual([v for v, _, _ in self.points('x')], [float(i) for i in range(20000)])

    def test_full_disk_loses_no_byte_and_writes_none_twice(self):
        # A full disk: one write goes half through, then writes fail; later there is space.
        real_write = os.write
        state = {'calls': 0}

        def full_write(fd, data):
            state['calls'] += 1
            if state['calls'] == 1:
                return real_write(fd, bytes(data[:len(data) // 2 + 7]))
            raise OSError(errno.ENOSPC, 'No space left on device')

        for i in range(2 * mlwb.BATCH_POINTS):
            self.run.log('x', float(i))
        with mock.patch('os.write', full_write):
            with self.assertRaises(OSError):
                self.run.flush()
            for i in range(2 * mlwb.BATCH_POINTS, 3 * mlwb.BATCH_POINTS):
                self.run.log('x', float(i))
            with self.assertRaises(OSError):
                self.run.flush()
        self.assertEqual([v for v, _, _ in self.points('x')],
                         [float(i) for i in range(3 * mlwb.BATCH_POINTS)])


class TestFlushTiming(HelperTestCase):
    def test_written_without_flush_or_exit(self):
        start = time.monotonic()
        self.run.log('x', 1)
        path = os.path.join(self.dir, 'metrics.jsonl')
        while not os.path.exists(path) and time.monotonic() - start < 2:
            time.sleep(0.005)
        elapsed = time.monotonic() - start
        # The interval is 100 ms; the slack is for a busy machine.
        self.assertLess(elapsed, 0.5, 'first flush took %.3f s' % elapsed)
        with open(path) as f:
            [line] = f.read().splitlines()
        self.assertEqual(_points(json.loads(line))[0][:2], (1.0, 0))


class TestOffline(unittest.TestCase):
    def setUp(self):
        self._env = dict(os.environ)
        for key in ('MLWB_RUN_DIR', 'MLWB_RUN_ID', 'MLWB_EXPERIMENT'):
            os.environ.pop(key, None)
        mlwb.Run._context = None

    def tearDown(self):
        mlwb.Run._context = None
        os.environ.clear()
        os.environ.update(self._env)

    def test_prints_one_line_per_call(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run = mlwb.Run.get_context()
            run.log('loss', 0.25)
            run.log('loss', 0.5, step=7)
            run.log('phase', 'train')
            run.log_list('l', [1, 2])
            run.log_row('r', a=1)
            run.log_table('t', {'a': [1]})
            run.log_image('img', path='nowhere.png')
            run.tag('lr', 0.1)
            with run.child_run('c') as child:
                child.log('acc', 1)
            run.complete()
        lines = out.getvalue().splitlines()
        self.assertTrue(run.id.startswith('OfflineRun_'))
        self.assertEqual(len(lines), 11, lines)
        self.assertEqual(lines[0], 'mlwb offline: loss = 0.25 (step 0)')
        self.assertEqual(lines[1], 'mlwb offline: loss = 0.5 (step 7)')
        self.assertEqual(lines[7], 'mlwb offline: tag lr = 0.1')
        self.assertEqual(lines[9], 'mlwb offline [c]: acc = 1 (step 0)')
        self.assertTrue(all(line.startswith('mlwb offline') for line in lines))


if __name__ == '__main__':
    unittest.main()
