"""The one writer of the reference format that ReferenceValues reads: one tensor a line,
`name shape values...`, the shape as extents joined by `x` (or `scalar`), the values row-major
in float64 with 17 significant digits so that they survive exactly."""
import torch


def emit(name, t):
    t = torch.as_tensor(t).detach().to(torch.float64)
    shape = "x".join(str(s) for s in t.shape) if t.dim() > 0 else "scalar"
    values = " ".join("%.17g" % v for v in t.reshape(-1).tolist())
    print(name, shape, values)
