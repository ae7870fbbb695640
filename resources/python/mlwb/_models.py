"""Run files and model registration: ``run.upload_file``, ``run.upload_folder``,
``run.register_model`` (Azure ML names) and ``mlwb.register_model`` (MLflow's).

A run's files are its ``outputs/``: a name that does not start with
``outputs/`` is put under it. Files are written beside their final name and
renamed into place, so a file the workbench sees is complete and closed.

Registering from a local run calls the mlwb program that supervises the run
(``$MLWB_PROGRAM_PATH``, on ``$MLWB_WORKSPACE_PATH``): the file is already
final, so the version is made at once and returned. On an SSH target the
mlwb program is on the other machine: the request is written to
``outputs/.mlwb/registrations.jsonl``, travels back with the outputs, and is
registered when the run's outputs are fetched; ``register_model`` then
returns a ``Model`` whose ``version`` is None (the run's log says which
version it became). Offline (not in a run), a path on disk is registered
with the mlwb program on the PATH, if there is one.
"""

import json
import os
import shutil
import subprocess
import tempfile

REQUESTS = os.path.join('outputs', '.mlwb', 'registrations.jsonl')

# Azure ML's Model.Framework names, and MLflow flavors, to the registry's.
_FRAMEWORKS = {
    'scikitlearn': 'scikit-learn', 'sklearn': 'scikit-learn', 'scikit-learn': 'scikit-learn',
    'pytorch': 'pytorch', 'torch': 'pytorch', 'tensorflow': 'tensorflow', 'keras': 'tensorflow',
    'onnx': 'onnx', 'xgboost': 'xgboost', 'lightgbm': 'lightgbm', 'custom': 'custom',
}


class Model:
    """A registered model version (Azure's ``Model``, MLflow's ``ModelVersion``)."""

    def __init__(self, name, version, run_id=None, description=None, tags=None,
                 properties=None):
        self.name = name
        self.version = version  # None while a request waits for the run's outputs
        self.run_id = run_id
        self.description = description
        self.tags = dict(tags or {})
        self.properties = dict(properties or {})
        self.id = '%s:%s' % (name, version) if version is not None else name

    def __repr__(self):
        return 'Model(name=%r, version=%r)' % (self.name, self.version)


def run_file_name(name):
    """outputs/REL for a run file name, refusing names that leave the run."""
    rel = os.path.normpath(str(name).replace('\\', '/')).replace(os.sep, '/').lstrip('/')
    if rel == '..' or rel.startswith('../'):
        raise ValueError('mlwb: %r is outside the run\'s files' % name)
    if rel != 'outputs' and not rel.startswith('outputs/'):
        rel = 'outputs/' + rel
    return rel


def _copy_final(source, target):
    """Copies source to target, whole or not at all."""
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=folder, prefix='.upload-')
    try:
        with os.fdopen(fd, 'wb') as out, open(source, 'rb') as src:
            shutil.copyfileobj(src, out, 4 << 20)
        shutil.copymode(source, partial)
        os.replace(partial, target)
    except BaseException:
        if os.path.exists(partial):
            os.remove(partial)
        raise


def upload_file(run, name, path_or_stream):
    rel = run_file_name(name)
    if run._offline:
        run._sink.add('mlwb offline: upload_file %s from %s' % (rel, path_or_stream))
        return rel
    target = os.path.join(run._code_dir(), rel)
    if hasattr(path_or_stream, 'read'):
        data = path_or_stream.read()
        fd, partial = tempfile.mkstemp(dir=_made(os.path.dirname(target)), prefix='.upload-')
        with os.fdopen(fd, 'wb') as out:
            out.write(data if isinstance(data, bytes) else data.encode('utf-8'))
        os.replace(partial, target)
    elif os.path.abspath(path_or_stream) != os.path.abspath(target):
        _copy_final(path_or_stream, target)
    return rel


def upload_folder(run, name, path):
    names = []
    for folder, _, files in os.walk(path):
        for f in sorted(files):
            source = os.path.join(folder, f)
            names.append(upload_file(run, os.path.join(name, os.path.relpath(source, path)),
                                     source))
    return names


def _made(folder):
    os.makedirs(folder, exist_ok=True)
    return folder


def _arguments(name, tags, properties, description, framework):
    args = []
    for key, value in (tags or {}).items():
        args += ['--tag', '%s=%s' % (key, '' if value is None else value)]
    for key, value in (properties or {}).items():
        args += ['--property', '%s=%s' % (key, value)]
    if description:
        args += ['--description', str(description)]
    if framework:
        known = _FRAMEWORKS.get(str(framework).lower().replace('_', ''))
        args += ['--framework', known or str(framework)]
    return args


def _call(program, workspace, args):
    env = dict(os.environ)
    if workspace:
        env['MLWB_WORKSPACE'] = workspace
    done = subprocess.run([program, 'model', 'register'] + args + ['--format', 'json'],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if done.returncode != 0:
        raise RuntimeError('mlwb: could not register the model: %s'
                           % done.stderr.decode('utf-8', 'replace').strip())
    return json.loads(done.stdout.decode('utf-8'))


def register_model(run, model_name, model_path, tags=None, properties=None, description=None,
                   model_framework=None):
    extra = _arguments(model_name, tags, properties, description, model_framework)
    program = os.environ.get('MLWB_PROGRAM_PATH')
    if run._offline:
        program = program or shutil.which('mlwb')
        if not program:
            run._sink.add('mlwb offline: register_model %s from %s not stored (no mlwb program '
                          'on the PATH)' % (model_name, model_path))
            return Model(model_name, None, description=description, tags=tags,
                         properties=properties)
        record = _call(program, os.environ.get('MLWB_WORKSPACE_PATH'),
                       [str(model_name), '--path', os.path.abspath(model_path)] + extra)
        return Model(record['name'], record['version'], None, description, tags, properties)
    rel = run_file_name(model_path)
    root = run._root()
    if not os.path.exists(os.path.join(run._code_dir(), rel)) and not os.path.exists(
            os.path.join(root.run_dir, rel)):
        raise FileNotFoundError('mlwb: %s is not among the run\'s files; write it under '
                                'outputs/ or upload it with run.upload_file() first' % rel)
    run.flush()
    if program:
        record = _call(program, os.environ.get('MLWB_WORKSPACE_PATH'),
                       [str(model_name), '--run', root.id, '--path', rel] + extra)
        return Model(record['name'], record['version'], root.id, description, tags, properties)
    request = {'name': str(model_name), 'path': rel, 'arguments': extra}
    requests = os.path.join(run._code_dir(), REQUESTS)
    os.makedirs(os.path.dirname(requests), exist_ok=True)
    with open(requests, 'a', encoding='utf-8') as f:
        f.write(json.dumps(request) + '\n')
    return Model(str(model_name), None, root.id, description, tags, properties)
