"""Tests of the mlwb logging helper: the lines each call writes to metrics.jsonl."""

import contextlib
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import mlwb


class _Figure:
    """Stands in for a matplotlib figure."""

    def savefig(self, path, format=None):
        with open(path, 'wb') as f:
            f.write(b'png:' + str(format).encode())


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


class TestFileOutput(HelperTestCase):
    def test_context(self):
        self.assertIs(mlwb.Run.get_context(), self.run)
        self.assertEqual(self.run.id, 'run_42')
        self.assertEqual(self.run.experiment_name, 'mnist')

    def test_scalar_line(self):
        self.run.log('loss', 0.25, step=3)
        [line] = self.raw_lines()
        self.assertTrue(line.startswith('{"name":"loss","value":0.25,"step":3,"time":'), line)
        self.assertAlmostEqual(json.loads(line)['time'], time.time(), delta=5)

    def test_values(self):
        cases = [(0.1, 0.1), (-2.5e-300, -2.5e-300), (7, 7), (2 ** 70, 2 ** 70), (True, 1),
                 (False, 0)]
        for value, expected in cases:
            self.run.log('v', value)
        self.assertEqual([(d['value'], d['step']) for d in self.lines()],
                         [(e, i) for i, (_, e) in enumerate(cases)])

    def test_non_finite(self):
        for value in (float('nan'), float('inf'), float('-inf')):
            self.run.log('x', value)
        raw = self.raw_lines()
        self.assertIn('"value":NaN,', raw[0])
        self.assertIn('"value":Infinity,', raw[1])
        self.assertIn('"value":-Infinity,', raw[2])
        self.assertTrue(math.isnan(json.loads(raw[0])['value']))

    def test_number_like(self):
        class Number:
            def __float__(self):
                return 2.5
        self.run.log('x', Number())
        self.assertEqual(self.lines()[0]['value'], 2.5)

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
        self.run.log('a', 5)
        self.assertEqual([(d['name'], d['step']) for d in self.lines()],
                         [('a', 0), ('a', 1), ('b', 0), ('a', 10), ('a', 3)])

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
        child.complete()
        declared, first, second, tag, status = self.lines()
        self.assertEqual(declared, {'name': 'fold 1', 'kind': 'child', 'run': 'fold 1',
                                    'display_name': 'fold 1'})
        self.assertEqual((first['run'], first['step'], second['step']), ('fold 1', 0, 1))
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
        mlwb.log_param('epochs', 10)
        mlwb.set_tag('team', 'vision')
        loss, param, tag = self.lines()
        self.assertEqual((loss['name'], loss['value'], loss['step']), ('loss', 0.5, 4))
        self.assertEqual((param['kind'], param['value']), ('tag', '10'))
        self.assertEqual((tag['kind'], tag['value']), ('tag', 'vision'))

    def test_threads(self):
        def work():
            for _ in range(5000):
                self.run.log('shared', 1.0)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        steps = sorted(d['step'] for d in self.lines())
        self.assertEqual(steps, list(range(20000)))

    def test_lines_are_whole_while_writing(self):
        for i in range(3000):
            self.run.log('x', i)
            if i % 500 == 0:
                path = os.path.join(self.dir, 'metrics.jsonl')
                if os.path.exists(path):
                    with open(path) as f:
                        text = f.read()
                    self.assertTrue(text == '' or text.endswith('\n'))
        self.assertEqual(len(self.lines()), 3000)

    def test_written_at_exit(self):
        script = 'import mlwb\nmlwb.Run.get_context().log("x", 1.5)\n'
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        subprocess.run([sys.executable, '-c', script], env=env, check=True)
        self.assertEqual(self.lines()[0]['value'], 1.5)


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
            self.assertEqual(len(f.read().splitlines()), 1)


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
