#!/usr/bin/python3
"""Same-machine PyTorch baseline for aesweep's dense autoencoders on Fashion-MNIST.

Trains 784-32-784 ("shallow") and 784-128-32-128-784 ("deep"), ReLU hidden layers and a sigmoid
output, with Adam 1e-3 on mean binary cross-entropy at batch 256, reshuffling every epoch, and
prints the seconds each epoch took. The whole training set lives in one float tensor built before
timing starts; a minibatch is an index_select of it.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 pytorch_autoencoder.py [DATA_DIR]
DATA_DIR holds train-images-idx3-ubyte(.gz) (default: data/fashion-mnist under the repository).
"""
import gzip
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn


def read_idx_images(directory):
    plain = os.path.join(directory, "train-images-idx3-ubyte")
    opener, path = (open, plain) if os.path.exists(plain) else (gzip.open, plain + ".gz")
    with opener(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            raise ValueError(f"{path}: not an IDX image file (magic {magic:#x})")
        pixels = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8)
    return torch.from_numpy(pixels.reshape(count, rows * cols).astype(np.float32) / 255.0)


def build(widths):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
        layers.append(nn.Linear(n_in, n_out))
        last = i == len(widths) - 2
        layers.append(nn.Sigmoid() if last else nn.ReLU())
    net = nn.Sequential(*layers)
    for m in net:
        if isinstance(m, nn.Linear):  # Glorot-uniform weights, zero biases, as the project does
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def train(name, widths, x, epochs, batch, seed):
    torch.manual_seed(seed)
    net = build(widths)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.BCELoss()
    n = x.shape[0]
    times = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n)
        total = 0.0
        for s in range(0, n, batch):
            xb = x.index_select(0, order[s:s + batch])
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(xb), xb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
        times.append(time.perf_counter() - start)
        print(f"{name} epoch {epoch} {times[-1]:.3f} s train_loss={total / n:.5f}", flush=True)
    steady = sorted(times[1:])
    n = len(steady)
    median = steady[n // 2] if n % 2 else (steady[n // 2 - 1] + steady[n // 2]) / 2
    print(f"RESULT {name} steady_median={median:.3f} min={steady[0]:.3f} max={steady[-1]:.3f} n={n}", flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data", "fashion-mnist")
    threads = int(os.environ.get("BENCH_THREADS", "2"))
    epochs = int(os.environ.get("BENCH_EPOCHS", "4"))
    torch.set_num_threads(threads)
    x = read_idx_images(data)
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} samples={x.shape[0]}", flush=True)
    for name, widths in [("shallow", [784, 32, 784]), ("deep", [784, 128, 32, 128, 784])]:
        train(name, widths, x, epochs, 256, 42)


if __name__ == "__main__":
    main()
