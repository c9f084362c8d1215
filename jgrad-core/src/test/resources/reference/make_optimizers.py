"""Writes optimizers.ref: PyTorch's optimizer trajectories, learning-rate schedules and gradient
clipping, in float64. Run with Debian's python3-torch (1.13):

    /usr/bin/python3 make_optimizers.py > optimizers.ref

The problem: a tiny one-layer network, loss = mean((tanh(x @ weight.T + bias) - y)^2), with
weight 3x4 and bias 3 drawn once (written as problem.weight, problem.bias) and a fixed batch
(problem.x 6x4, problem.y 6x3). Every optimizer case starts from the same values and writes
NAME.stepK.weight and NAME.stepK.bias after each of its STEPS steps (zero_grad, loss,
backward, step). Schedules write NAME.lr: the learning rate after construction, then after
each scheduler.step(). Clipping writes the returned norm and the clipped gradients.
"""
import torch

from refformat import emit

torch.manual_seed(20240612)
torch.set_default_dtype(torch.float64)

STEPS = 10


WEIGHT = torch.randn(3, 4) * 0.7
BIAS = torch.randn(3) * 0.3
X = torch.randn(6, 4)
Y = torch.randn(6, 3) * 0.5


def fresh():
    return [WEIGHT.clone().requires_grad_(True), BIAS.clone().requires_grad_(True)]


def loss_of(weight, bias):
    return ((torch.tanh(X @ weight.T + bias) - Y) ** 2).mean()


def trajectory(name, make):
    params = fresh()
    optimizer = make(params)
    for k in range(1, STEPS + 1):
        optimizer.zero_grad()
        loss_of(*params).backward()
        optimizer.step()
        emit("%s.step%d.weight" % (name, k), params[0])
        emit("%s.step%d.bias" % (name, k), params[1])


print("# written by make_optimizers.py with torch", torch.__version__)
emit("problem.weight", WEIGHT)
emit("problem.bias", BIAS)
emit("problem.x", X)
emit("problem.y", Y)

O = torch.optim
trajectory("sgd", lambda p: O.SGD(p, lr=0.3))
trajectory("sgd_momentum", lambda p: O.SGD(p, lr=0.3, momentum=0.9))
trajectory("sgd_dampening", lambda p: O.SGD(p, lr=0.3, momentum=0.9, dampening=0.5))
trajectory("sgd_nesterov", lambda p: O.SGD(p, lr=0.3, momentum=0.9, nesterov=True))
trajectory("sgd_weight_decay", lambda p: O.SGD(p, lr=0.3, momentum=0.5, weight_decay=0.1))
trajectory("adagrad", lambda p: O.Adagrad(p, lr=0.1))
trajectory("adagrad_weight_decay", lambda p: O.Adagrad(p, lr=0.1, weight_decay=0.1))
trajectory("rmsprop", lambda p: O.RMSprop(p, lr=0.01, alpha=0.9))
trajectory("rmsprop_momentum", lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.8))
trajectory("rmsprop_centered", lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.5, centered=True,
                                                    weight_decay=0.05))
trajectory("adam", lambda p: O.Adam(p, lr=0.05))
trajectory("adam_amsgrad", lambda p: O.Adam(p, lr=0.05, betas=(0.8, 0.9), amsgrad=True))
trajectory("adam_weight_decay", lambda p: O.Adam(p, lr=0.05, weight_decay=0.1))
trajectory("adamw", lambda p: O.AdamW(p, lr=0.05, weight_decay=0.1))
trajectory("adamw_amsgrad", lambda p: O.AdamW(p, lr=0.05, weight_decay=0.1, amsgrad=True))
trajectory("adadelta", lambda p: O.Adadelta(p))
trajectory("adadelta_options", lambda p: O.Adadelta(p, lr=0.5, rho=0.8, eps=1e-5, weight_decay=0.1))


def schedule(name, make, epochs, metrics=None):
    optimizer = O.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    scheduler = make(optimizer)
    lrs = [optimizer.param_groups[0]["lr"]]
    for e in range(epochs):
        optimizer.step()
        if metrics is None:
            scheduler.step()
        else:
            scheduler.step(metrics[e])
        lrs.append(optimizer.param_groups[0]["lr"])
    emit(name + ".lr", torch.tensor(lrs))


S = O.lr_scheduler
schedule("steplr", lambda o: S.StepLR(o, step_size=3, gamma=0.5), 12)
schedule("exponentiallr", lambda o: S.ExponentialLR(o, gamma=0.9), 12)
schedule("cosine", lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001), 15)
schedule("warmup", lambda o: S.LinearLR(o, start_factor=0.1, total_iters=4), 8)
schedule("warmup_cosine", lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.25, total_iters=3),
                                                        S.CosineAnnealingLR(o, T_max=8)], milestones=[3]), 14)
METRICS = [1.0, 0.9, 0.95, 0.91, 0.905, 0.8, 0.85, 0.84, 0.83, 0.82, 0.81, 0.9, 0.95, 0.7, 0.71, 0.72, 0.73,
           0.74, 0.75, 0.76]
emit("plateau.metrics", torch.tensor(METRICS))
schedule("plateau", lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=0.01, cooldown=1,
                                                   min_lr=0.02), len(METRICS), METRICS)
schedule("plateau_max_abs", lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.3, patience=1,
                                                           threshold=0.02, threshold_mode="abs"),
         len(METRICS), METRICS)


def clipped(name, clip):
    params = fresh()
    loss_of(*params).backward()
    emit(name + ".grad.weight", params[0].grad)
    emit(name + ".grad.bias", params[1].grad)
    result = clip(params)
    if result is not None:
        emit(name + ".norm", result)
    emit(name + ".clipped.weight", params[0].grad)
    emit(name + ".clipped.bias", params[1].grad)


U = torch.nn.utils
clipped("clip_norm", lambda p: U.clip_grad_norm_(p, max_norm=0.1))
clipped("clip_norm_unchanged", lambda p: U.clip_grad_norm_(p, max_norm=100.0))
clipped("clip_norm_inf", lambda p: U.clip_grad_norm_(p, max_norm=0.05, norm_type=float("inf")))
clipped("clip_value", lambda p: U.clip_grad_value_(p, clip_value=0.05))
