"""Scoring script for an ML Workbench image (the Azure ML contract).

init() runs once when the server starts; run(raw_data) runs per request
with the request body (JSON text) and returns something JSON can encode.
"""
import json
import os
import pickle

model = None


def init():
    """Loads the model. AZUREML_MODEL_DIR holds NAME/VERSION/ per model."""
    global model
    root = os.environ.get("AZUREML_MODEL_DIR", ".")
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith((".pkl", ".pickle", ".joblib")):
                with open(os.path.join(folder, name), "rb") as f:
                    model = pickle.load(f)
                return
    raise RuntimeError("no model file (.pkl, .pickle, .joblib) under " + root)


def run(raw_data):
    """Scores {"data": [[...], ...]} and returns the predictions as a list."""
    rows = json.loads(raw_data)["data"]
    return model.predict(rows).tolist()
