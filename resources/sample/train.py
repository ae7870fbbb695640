"""Sample training script: logistic regression on a synthetic two-class data set.

Pure Python, so it runs anywhere python3 does. It logs its metrics through the
`mlwb` helper (an offline run prints them when started outside ML Workbench)
and writes the trained weights to outputs/, which are collected with the run.
"""
import argparse
import json
import math
import os
import random

import mlwb


def make_data(n, seed):
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        label = rng.random() < 0.5
        centre = 0.8 if label else -0.8
        rows.append(([rng.gauss(centre, 1.0), rng.gauss(-centre * 0.6, 1.0)], 1 if label else 0))
    return rows


def predict(w, b, x):
    z = w[0] * x[0] + w[1] * x[1] + b
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=0.0002)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    run = mlwb.Run.get_context()
    run.tag("model", "logistic-regression")
    run.log("lr", args.lr)
    data = make_data(args.samples, args.seed)
    split = int(len(data) * 0.8)
    train, valid = data[:split], data[split:]
    w, b = [-1.0, 1.0], 0.0  # a poor start, so the curves have somewhere to go
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        rng.shuffle(train)
        loss = 0.0
        for x, y in train:
            p = predict(w, b, x)
            loss -= math.log(max(p if y else 1.0 - p, 1e-12))
            g = p - y
            w = [w[0] - args.lr * g * x[0], w[1] - args.lr * g * x[1]]
            b -= args.lr * g
        correct = sum((predict(w, b, x) > 0.5) == bool(y) for x, y in valid)
        run.log("loss", loss / len(train), step=epoch)
        run.log("accuracy", correct / len(valid), step=epoch)
        print(f"epoch {epoch}: loss {loss / len(train):.4f} accuracy {correct / len(valid):.3f}",
              flush=True)

    os.makedirs("outputs", exist_ok=True)
    with open(os.path.join("outputs", "model.json"), "w") as f:
        json.dump({"weights": w, "bias": b}, f)
    run.complete()


if __name__ == "__main__":
    main()
