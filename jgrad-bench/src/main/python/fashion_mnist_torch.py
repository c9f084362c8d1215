#!/usr/bin/python3
"""The PyTorch reference of jgrad's end-to-end benchmark.

Trains the Fashion-MNIST MLP (784-256-128-10, ReLU, Adam lr 1e-3, batch 128, shuffled) for a
few epochs on the CPU and prints one JSON line per epoch (seconds, test accuracy) and a final
line with the peak resident memory. jgrad's EndToEndBenchmark runs it in the same session as
its own training, so the two are compared on the same machine under the same load.

Usage: fashion_mnist_torch.py DIR EPOCHS THREADS
"""
import gzip
import json
import resource
import struct
import sys
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    _, dtype, dims = struct.unpack(">HBB", data[:4])
    if dtype != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main(directory, epochs, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    # Pixels stay bytes until a batch is formed, as jgrad's data layer keeps them.
    train_x = torch.from_numpy(read_idx(f"{directory}/train-images-idx3-ubyte.gz").reshape(-1, 784).copy())
    train_y = torch.from_numpy(read_idx(f"{directory}/train-labels-idx1-ubyte.gz").astype(np.int64))
    test_x = torch.from_numpy(read_idx(f"{directory}/t10k-images-idx3-ubyte.gz").reshape(-1, 784).copy())
    test_y = torch.from_numpy(read_idx(f"{directory}/t10k-labels-idx1-ubyte.gz").astype(np.int64))

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    batch = 128
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(train_x.shape[0])
        for i in range(0, train_x.shape[0], batch):
            index = order[i:i + batch]
            x = train_x[index].float().div_(255.0)
            optimizer.zero_grad()
            loss = loss_fn(model(x), train_y[index])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            predicted = model(test_x.float().div_(255.0)).argmax(1)
            accuracy = (predicted == test_y).float().mean().item()
        print(json.dumps({"epoch": epoch, "seconds": seconds, "test_accuracy": accuracy}), flush=True)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_mib": peak_kib / 1024.0}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
