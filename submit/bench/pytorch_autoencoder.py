#!/usr/bin/python3
"""Same-machine PyTorch baseline for aesweep's autoencoders on Fashion-MNIST.

Builds each architecture to the shape aesweep builds at code size 32:
  shallow  784-32-784, ReLU code, sigmoid output
  deep     784-128-32-128-784
  linear   784-32-784, identity activations, mean squared error
  sparse   shallow with an L1 penalty of 1e-5 on the code's activations (mean over samples of sum |code|)
  conv     3x3 same convs 16/32/64, each ReLU and 2x2 max-pooled, dense code (ReLU), dense -> 7x7x32
           (ReLU), 2x2 stride-2 transposed convs to 16 channels (ReLU) and to 1 (sigmoid)
  lstm     28 steps of 28 values: LSTM(100) -> LSTM(32), last step = code -> repeated 28 times ->
           LSTM(100) -> per-step dense 28, sigmoid
and trains it with Adam 1e-3 on mean binary cross-entropy (linear: MSE) at the batch given,
reshuffling every epoch, printing the seconds each epoch took. The whole training set lives in one
float tensor built before timing starts; a minibatch is an index_select of it.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 pytorch_autoencoder.py [DATA_DIR]
DATA_DIR holds train-images-idx3-ubyte(.gz) (default: data/fashion-mnist under the repository).
Environment: BENCH_ARCHS (comma-separated, default shallow,deep), BENCH_EPOCHS (default 4, the
first is warm-up), BENCH_THREADS (thread counts to try, comma-separated, default 2), BENCH_BATCH
(default 256), BENCH_LIMIT (train on the first N images only, default all), BENCH_SUFFIX (appended
to each architecture's name in the output, to match a grid's labels such as shallow-b32).
Prints a TRIAL line per architecture and thread count, then a RESULT line for the fastest.
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


class Conv(nn.Module):
    def __init__(self, code=32):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 3 * 3, code), nn.ReLU())
        self.decoder = nn.Sequential(
            nn.Linear(code, 7 * 7 * 32), nn.ReLU(), nn.Unflatten(1, (32, 7, 7)),
            nn.ConvTranspose2d(32, 16, 2, stride=2), nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 2, stride=2), nn.Sigmoid(), nn.Flatten())

    def forward(self, x):
        return self.decoder(self.encoder(x.view(-1, 1, 28, 28)))


class Lstm(nn.Module):
    def __init__(self, code=32, hidden=100, steps=28, width=28):
        super().__init__()
        self.steps, self.width = steps, width
        self.enc1 = nn.LSTM(width, hidden, batch_first=True)
        self.enc2 = nn.LSTM(hidden, code, batch_first=True)
        self.dec = nn.LSTM(code, hidden, batch_first=True)
        self.out = nn.Linear(hidden, width)

    def forward(self, x):
        h, _ = self.enc1(x.view(-1, self.steps, self.width))
        h, _ = self.enc2(h)
        code = h[:, -1, :]
        h, _ = self.dec(code.unsqueeze(1).expand(-1, self.steps, -1))
        return torch.sigmoid(self.out(h)).reshape(-1, self.steps * self.width)


def glorot(net):
    for m in net.modules():  # Glorot-uniform weights, zero biases, as the project does
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def linear_net():
    return nn.Sequential(nn.Linear(784, 32), nn.Linear(32, 784))


ARCHITECTURES = {
    # name: (network factory, loss, L1 weight on the code)
    "shallow": (lambda: build([784, 32, 784]), nn.BCELoss(), 0.0),
    "deep": (lambda: build([784, 128, 32, 128, 784]), nn.BCELoss(), 0.0),
    "linear": (lambda: glorot(linear_net()), nn.MSELoss(), 0.0),
    "sparse": (lambda: build([784, 32, 784]), nn.BCELoss(), 1e-5),
    "conv": (lambda: glorot(Conv()), nn.BCELoss(), 0.0),
    "lstm": (lambda: glorot(Lstm()), nn.BCELoss(), 0.0),
}


def train(name, x, epochs, batch, seed):
    """Steady-epoch seconds (first epoch left out), sorted."""
    torch.manual_seed(seed)
    factory, loss_fn, l1 = ARCHITECTURES[name]
    net = factory()
    code_layer = net[1] if l1 else None
    codes = []
    if code_layer is not None:
        code_layer.register_forward_hook(lambda module, inputs, output: codes.append(output))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    n = x.shape[0]
    times = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n)
        total = 0.0
        for s in range(0, n, batch):
            xb = x.index_select(0, order[s:s + batch])
            opt.zero_grad(set_to_none=True)
            codes.clear()
            loss = loss_fn(net(xb), xb)
            objective = loss + l1 * codes[0].abs().sum(dim=1).mean() if l1 else loss
            objective.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
        times.append(time.perf_counter() - start)
        print(f"{name} epoch {epoch} {times[-1]:.3f} s train_loss={total / n:.5f}", flush=True)
    return sorted(times[1:])


def median(values):
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def spread(values):
    return f"steady_median={median(values):.3f} min={values[0]:.3f} max={values[-1]:.3f} n={len(values)}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data", "fashion-mnist")
    thread_counts = [int(t) for t in os.environ.get("BENCH_THREADS", "2").split(",")]
    suffix = os.environ.get("BENCH_SUFFIX", "")
    epochs = int(os.environ.get("BENCH_EPOCHS", "4"))
    batch = int(os.environ.get("BENCH_BATCH", "256"))
    names = os.environ.get("BENCH_ARCHS", "shallow,deep").split(",")
    x = read_idx_images(data)
    limit = int(os.environ.get("BENCH_LIMIT", "0"))
    if limit:
        x = x[:limit]
    print(f"torch {torch.__version__} samples={x.shape[0]} batch={batch} threads={thread_counts}", flush=True)
    for name in names:
        trials = {}
        for threads in thread_counts:
            torch.set_num_threads(threads)
            trials[threads] = train(name, x, epochs, batch, 42)
            print(f"TRIAL {name}{suffix} threads={threads} {spread(trials[threads])}", flush=True)
        best = min(trials, key=lambda t: median(trials[t]))
        print(f"RESULT {name}{suffix} {spread(trials[best])} threads={best}", flush=True)


if __name__ == "__main__":
    main()
