package org.jgrad.io;

import java.util.List;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.ELU;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GaussianNoise;
import org.jgrad.nn.Identity;
import org.jgrad.nn.LeakyReLU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.LogSoftmax;
import org.jgrad.nn.Maxout;
import org.jgrad.nn.PReLU;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.Softmax;
import org.jgrad.nn.Softplus;
import org.jgrad.nn.Tanh;

/**
 * The layers a model file can hold, one entry each: the closed list of {@link LayerCodec}s.
 * {@link org.jgrad.nn.Sequential}, the one container, is handled by {@link Architecture}. A new
 * layer in {@code org.jgrad.nn} gets its entry here (a test fails until it does); the type
 * names are the file format and never change.
 *
 * <p>Not stored: initializers (the weights are loaded instead; a loaded layer that is
 * re-initialized uses its default scheme) and random streams (a loaded model draws dropout masks
 * and noise from {@code new Rng(0)} until {@link org.jgrad.nn.Module#initialize} reseeds it).
 */
final class LayerCodecs {

    static final List<LayerCodec<?>> ALL = List.of(
            LayerCodec.plain("Identity", Identity.class, Identity::new),
            LayerCodec.plain("ReLU", ReLU.class, ReLU::new),
            LayerCodec.plain("Sigmoid", Sigmoid.class, Sigmoid::new),
            LayerCodec.plain("Tanh", Tanh.class, Tanh::new),
            LayerCodec.stateless("LeakyReLU", LeakyReLU.class,
                    m -> Json.object().with("negativeSlope", Json.of(m.negativeSlope())),
                    c -> new LeakyReLU(c.real("negativeSlope"))),
            LayerCodec.stateless("ELU", ELU.class,
                    m -> Json.object().with("alpha", Json.of(m.alpha())),
                    c -> new ELU(c.real("alpha"))),
            LayerCodec.stateless("Softplus", Softplus.class,
                    m -> Json.object().with("beta", Json.of(m.beta())).with("threshold", Json.of(m.threshold())),
                    c -> new Softplus(c.real("beta"), c.real("threshold"))),
            LayerCodec.stateless("Softmax", Softmax.class,
                    m -> Json.object().with("dim", Json.of(m.dim())),
                    c -> new Softmax(c.integer("dim"))),
            LayerCodec.stateless("LogSoftmax", LogSoftmax.class,
                    m -> Json.object().with("dim", Json.of(m.dim())),
                    c -> new LogSoftmax(c.integer("dim"))),
            LayerCodec.stateless("Flatten", Flatten.class,
                    m -> Json.object().with("startDim", Json.of(m.startDim())).with("endDim", Json.of(m.endDim())),
                    c -> new Flatten(c.integer("startDim"), c.integer("endDim"))),
            LayerCodec.stateless("Dropout", Dropout.class,
                    m -> Json.object().with("p", Json.of(m.p())),
                    c -> new Dropout(c.real("p"))),
            LayerCodec.stateless("GaussianNoise", GaussianNoise.class,
                    m -> Json.object().with("sigma", Json.of(m.sigma())),
                    c -> new GaussianNoise(c.real("sigma"))),
            LayerCodec.of("PReLU", PReLU.class,
                    m -> Json.object().with("numParameters", Json.of(m.numParameters()))
                            .with("init", Json.of(m.initialSlope())),
                    c -> c.product("numParameters"),
                    c -> new PReLU(c.integer("numParameters"), c.real("init"))),
            LayerCodec.of("Linear", Linear.class,
                    m -> Json.object().with("inFeatures", Json.of(m.inFeatures()))
                            .with("outFeatures", Json.of(m.outFeatures()))
                            .with("bias", Json.of(m.bias() != null))
                            .with("weightNoise", Json.of(m.weightNoise())),
                    c -> c.product("outFeatures", "inFeatures") + (c.bool("bias") ? c.product("outFeatures") : 0),
                    c -> new Linear(c.integer("inFeatures"), c.integer("outFeatures"), c.bool("bias"))
                            .weightNoise(c.real("weightNoise"))),
            LayerCodec.of("Maxout", Maxout.class,
                    m -> Json.object().with("inFeatures", Json.of(m.inFeatures()))
                            .with("outFeatures", Json.of(m.outFeatures()))
                            .with("pieces", Json.of(m.pieces())),
                    c -> c.product("outFeatures", "pieces", "inFeatures") + c.product("outFeatures", "pieces"),
                    c -> new Maxout(c.integer("inFeatures"), c.integer("outFeatures"), c.integer("pieces"))),
            LayerCodec.of("BatchNorm1d", BatchNorm1d.class,
                    m -> Json.object().with("numFeatures", Json.of(m.numFeatures()))
                            .with("eps", Json.of(m.eps())).with("momentum", Json.of(m.momentum())),
                    // weight, bias, running_mean and running_var
                    c -> 4 * c.product("numFeatures"),
                    c -> new BatchNorm1d(c.integer("numFeatures"), c.real("eps"), c.real("momentum"))));

    private LayerCodecs() {
    }
}
