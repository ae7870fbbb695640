"""Tests of the helper's run files and model registration (mlwb/_models.py)."""

import io
import json
import os
import stat
import tempfile
import unittest

import mlwb


class ModelsTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = self._tmp.name
        self._env = dict(os.environ)
        os.environ.pop('MLWB_PROGRAM_PATH', None)
        os.environ.update(MLWB_RUN_DIR=self.dir, MLWB_RUN_ID='run_42', MLWB_EXPERIMENT='e')
        self.code = os.path.join(self.dir, 'code')
        os.makedirs(os.path.join(self.code, 'outputs'))
        mlwb.Run._context = None
        self.run = mlwb.Run.get_context()

    def tearDown(self):
        mlwb.Run._context = None
        os.environ.clear()
        os.environ.update(self._env)
        self._tmp.cleanup()

    def write(self, path, data=b'model'):
        os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    def fake_mlwb(self, stdout, code=0, stderr=''):
        """A stand-in mlwb that records its arguments."""
        args = os.path.join(self.dir, 'args.json')
        script = self.write(os.path.join(self.dir, 'mlwb'), (
            '#!/usr/bin/python3\nimport json, os, sys\n'
            'json.dump({"argv": sys.argv[1:], "ws": os.environ.get("MLWB_WORKSPACE")}, '
            'open(%r, "w"))\nsys.stdout.write(%r)\nsys.stderr.write(%r)\nsys.exit(%d)\n'
            % (args, stdout, stderr, code)).encode())
        os.chmod(script, os.stat(script).st_mode | stat.S_IEXEC)
        os.environ['MLWB_PROGRAM_PATH'] = script
        os.environ['MLWB_WORKSPACE_PATH'] = '/ws'
        return args


class TestUpload(ModelsTestCase):
    def test_file_goes_under_outputs(self):
        source = self.write(os.path.join(self.dir, 'm.pkl'), b'abc')
        self.assertEqual(self.run.upload_file('model.pkl', source), 'outputs/model.pkl')
        self.assertEqual(self.run.upload_file('outputs/a/b.pkl', source), 'outputs/a/b.pkl')
        with open(os.path.join(self.code, 'outputs', 'a', 'b.pkl'), 'rb') as f:
            self.assertEqual(f.read(), b'abc')
        self.assertEqual([n for n in os.listdir(os.path.join(self.code, 'outputs', 'a'))],
                         ['b.pkl'])  # no partial file left beside it

    def test_stream(self):
        self.run.upload_file('notes.txt', io.BytesIO(b'hello'))
        with open(os.path.join(self.code, 'outputs', 'notes.txt'), 'rb') as f:
            self.assertEqual(f.read(), b'hello')

    def test_folder(self):
        folder = os.path.join(self.dir, 'tok')
        self.write(os.path.join(folder, 'vocab.txt'))
        self.write(os.path.join(folder, 'sub', 'merges.txt'))
        names = self.run.upload_folder('tokenizer', folder)
        self.assertEqual(sorted(names), ['outputs/tokenizer/sub/merges.txt',
                                         'outputs/tokenizer/vocab.txt'])

    def test_refuses_names_outside_the_run(self):
        with self.assertRaises(ValueError):
            self.run.upload_file('../escape', __file__)


class TestRegister(ModelsTestCase):
    def test_calls_mlwb_and_returns_the_version(self):
        self.write(os.path.join(self.code, 'outputs', 'model.pkl'))
        args = self.fake_mlwb('{"name": "iris", "version": 3}')
        m = self.run.register_model('iris', 'outputs/model.pkl', tags={'data': 'iris'},
                                    properties={'auc': 0.9}, description='lr',
                                    model_framework='ScikitLearn')
        self.assertEqual((m.name, m.version, m.id, m.run_id), ('iris', 3, 'iris:3', 'run_42'))
        with open(args) as f:
            called = json.load(f)
        self.assertEqual(called['ws'], '/ws')
        self.assertEqual(called['argv'], [
            'model', 'register', 'iris', '--run', 'run_42', '--path', 'outputs/model.pkl',
            '--tag', 'data=iris', '--property', 'auc=0.9', '--description', 'lr',
            '--framework', 'scikit-learn', '--format', 'json'])

    def test_child_run_registers_for_its_root(self):
        self.write(os.path.join(self.code, 'outputs', 'model.pkl'))
        args = self.fake_mlwb('{"name": "m", "version": 1}')
        self.run.child_run('fold-1').register_model('m', 'model.pkl')
        with open(args) as f:
            self.assertIn('run_42', json.load(f)['argv'])

    def test_failure_says_why(self):
        self.write(os.path.join(self.code, 'outputs', 'model.pkl'))
        self.fake_mlwb('', code=1, stderr='mlwb: Run run_42 is still Running and x is open')
        with self.assertRaisesRegex(RuntimeError, 'still Running and x is open'):
            self.run.register_model('m', 'outputs/model.pkl')

    def test_missing_file(self):
        self.fake_mlwb('{}')
        with self.assertRaisesRegex(FileNotFoundError, 'outputs/nope.pkl'):
            self.run.register_model('m', 'outputs/nope.pkl')

    def test_without_program_the_request_waits_for_the_outputs(self):
        self.write(os.path.join(self.code, 'outputs', 'model.pkl'))
        m = self.run.register_model('m', 'outputs/model.pkl', tags={'k': 'v'})
        self.assertEqual((m.name, m.version), ('m', None))
        with open(os.path.join(self.code, 'outputs', '.mlwb', 'registrations.jsonl')) as f:
            request = json.loads(f.readline())
        self.assertEqual(request, {'name': 'm', 'path': 'outputs/model.pkl',
                                   'arguments': ['--tag', 'k=v']})

    def test_mlflow_style(self):
        self.write(os.path.join(self.code, 'outputs', 'model.pkl'))
        args = self.fake_mlwb('{"name": "m", "version": 2}')
        m = mlwb.register_model('runs:/run_42/outputs/model.pkl', 'm')
        self.assertEqual(m.version, 2)
        with open(args) as f:
            self.assertIn('outputs/model.pkl', json.load(f)['argv'])


if __name__ == '__main__':
    unittest.main()
