package org.jgrad.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.History;

/**
 * A training {@link History} as JSON and back, exactly: every field of every {@link
 * EpochRecord}, metrics in their order, and the stop reason ({@code null} when training did not
 * stop early):
 *
 * <pre>
 * {"epochs":[{"epoch":0,"trainLoss":1.0986,"trainMetrics":{"accuracy":0.41},
 *             "validationLoss":"NaN","validationMetrics":{},"learningRate":0.001,
 *             "seconds":0.012,"samplesPerSecond":26666.5}],
 *  "stopReason":null}
 * </pre>
 *
 * <p>A finite double is written as a JSON number, the shortest text that reads back to the same
 * bits ({@link Double#toString}, which keeps {@code -0.0} and subnormals); NaN and the
 * infinities, which JSON numbers cannot hold, are the strings {@code "NaN"}, {@code "Infinity"}
 * and {@code "-Infinity"} (every NaN reads back as {@link Double#NaN}). Reading is strict: every
 * member present, no other, epochs numbered 0, 1, … in order; errors name the path, e.g. {@code
 * epochs[1].trainLoss}.
 */
final class HistoryJson {

    private static final List<String> HISTORY_KEYS = List.of("epochs", "stopReason");
    private static final List<String> RECORD_KEYS = List.of("epoch", "trainLoss", "trainMetrics", "validationLoss",
            "validationMetrics", "learningRate", "seconds", "samplesPerSecond");
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private HistoryJson() {
    }

    static Json.Obj encode(History history) {
        List<Json> epochs = history.epochs().stream().<Json>map(HistoryJson::encode).toList();
        return Json.object()
                .with("epochs", Json.array(epochs))
                .with("stopReason", history.stopReason().<Json>map(Json::of).orElse(new Json.Null()));
    }

    private static Json.Obj encode(EpochRecord record) {
        return Json.object()
                .with("epoch", Json.of(record.epoch()))
                .with("trainLoss", number(record.trainLoss()))
                .with("trainMetrics", metrics(record.trainMetrics()))
                .with("validationLoss", number(record.validationLoss()))
                .with("validationMetrics", metrics(record.validationMetrics()))
                .with("learningRate", number(record.learningRate()))
                .with("seconds", number(record.seconds()))
                .with("samplesPerSecond", number(record.samplesPerSecond()));
    }

    private static Json.Obj metrics(Map<String, Double> metrics) {
        Map<String, Json> members = new LinkedHashMap<>();
        metrics.forEach((name, value) -> members.put(name, number(value)));
        return new Json.Obj(members);
    }

    private static Json number(double value) {
        return Double.isFinite(value) ? Json.of(value) : Json.of(Double.toString(value));
    }

    /** The history {@code json} holds; fails naming the member at fault. */
    static History decode(Json json) {
        Json.Obj history = JsonFields.exactly(json, "", HISTORY_KEYS);
        List<Json> items = JsonFields.read("epochs", history.get("epochs")::asArray);
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            epochs.add(record(items.get(i), i));
        }
        Json stopReason = history.get("stopReason");
        return History.of(epochs, stopReason instanceof Json.Null ? null
                : JsonFields.read("stopReason", stopReason::asString));
    }

    private static EpochRecord record(Json json, int index) {
        String at = "epochs[" + index + "]";
        Json.Obj record = JsonFields.exactly(json, at, RECORD_KEYS);
        long epoch = JsonFields.read(JsonFields.member(at, "epoch"), record.get("epoch")::asLong);
        if (epoch != index) {
            throw new IllegalArgumentException(JsonFields.member(at, "epoch") + ": expected " + index
                    + " (epochs are numbered 0, 1, … in order), got " + epoch);
        }
        return new EpochRecord(index, number(record, at, "trainLoss"), metrics(record, at, "trainMetrics"),
                number(record, at, "validationLoss"), metrics(record, at, "validationMetrics"),
                number(record, at, "learningRate"), number(record, at, "seconds"),
                number(record, at, "samplesPerSecond"));
    }

    private static Map<String, Double> metrics(Json.Obj record, String at, String key) {
        String path = JsonFields.member(at, key);
        Json.Obj metrics = JsonFields.read(path, record.get(key)::asObject);
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.members().forEach((name, value) -> out.put(name, number(value, JsonFields.member(path, name))));
        return out;
    }

    private static double number(Json.Obj record, String at, String key) {
        return number(record.get(key), JsonFields.member(at, key));
    }

    private static double number(Json value, String at) {
        return switch (value) {
            case Json.Int i -> i.value();
            case Json.Real r -> r.value();
            case Json.Str s when NON_FINITE.contains(s.value()) -> Double.parseDouble(s.value());
            default -> throw new IllegalArgumentException(at + ": expected a number, \"NaN\", \"Infinity\" or"
                    + " \"-Infinity\", got " + value.kind() + " " + JsonWriter.excerpt(value));
        };
    }
}
