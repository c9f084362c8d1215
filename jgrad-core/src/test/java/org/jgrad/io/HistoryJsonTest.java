package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Rng;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HistoryJson}: every field of a history back bit for bit, in a known text, and exact refusals. */
class HistoryJsonTest {

    private static History roundTrip(History history) {
        return HistoryJson.decode(Json.parse(HistoryJson.encode(history).toJson()));
    }

    private static EpochRecord record(int epoch, double value) {
        return new EpochRecord(epoch, value, Map.of("accuracy", value), value, Map.of("accuracy", value), value,
                value, value);
    }

    @Test
    void everyDoubleComesBackBitForBit() {
        List<Double> values = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 1e-300, 1.0 / 3, 2e22,
                (double) (float) 0.1));
        Rng rng = new Rng(3);
        while (values.size() < 1000) {
            double value = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(value)) {
                values.add(value);
            }
        }
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(record(i, values.get(i)));
        }
        History back = roundTrip(History.of(records, null));
        for (int i = 0; i < values.size(); i++) {
            EpochRecord r = back.epoch(i);
            double[] fields = {r.trainLoss(), r.trainMetrics().get("accuracy"), r.validationLoss(),
                r.validationMetrics().get("accuracy"), r.learningRate(), r.seconds(), r.samplesPerSecond()};
            for (double field : fields) {
                assertEquals(Double.doubleToRawLongBits(values.get(i)), Double.doubleToRawLongBits(field),
                        () -> "epoch " + r.epoch());
            }
        }
    }

    @Test
    void metricsKeepTheirOrderAndTheStopReasonComesBack() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("zeta", 1.0);
        metrics.put("alpha", 2.0);
        var history = History.of(List.of(new EpochRecord(0, 1, metrics, Double.NaN, Map.of(), 0.5, 2, 3)),
                "EarlyStopping: «patience» ran out");
        History back = roundTrip(history);
        assertEquals(history, back);
        assertEquals(List.of("zeta", "alpha"), List.copyOf(back.last().trainMetrics().keySet()));
        assertEquals(History.empty(), roundTrip(History.empty()));
    }

    @Test
    void theTextIsKnown() {
        var history = History.of(List.of(new EpochRecord(0, 1.5, Map.of("accuracy", 0.25), Double.NaN, Map.of(),
                1e-3, Double.POSITIVE_INFINITY, 120)), null);
        assertEquals("{\"epochs\":[{\"epoch\":0,\"trainLoss\":1.5,\"trainMetrics\":{\"accuracy\":0.25},"
                + "\"validationLoss\":\"NaN\",\"validationMetrics\":{},\"learningRate\":0.001,"
                + "\"seconds\":\"Infinity\",\"samplesPerSecond\":120.0}],\"stopReason\":null}",
                HistoryJson.encode(history).toJson());
    }

    private static final String RECORD = "\"trainLoss\":1.5,\"trainMetrics\":{},\"validationLoss\":1,"
            + "\"validationMetrics\":{},\"learningRate\":0.1,\"seconds\":1,\"samplesPerSecond\":1";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [1]                                          | expected an object, got array [1]
            {"epochs":[]}                                | missing 'stopReason'
            {"epochs":[],"stopReason":null,"x":1}        | unexpected key 'x'
            {"epochs":{},"stopReason":null}              | epochs: expected an array, got object {}
            {"epochs":[],"stopReason":3}                 | stopReason: expected a string, got integer 3
            {"epochs":[2],"stopReason":null}             | epochs[0]: expected an object, got integer 2
            {"epochs":[{"epoch":0}],"stopReason":null}   | epochs[0]: missing 'trainLoss'
            """)
    void malformedHistoriesAreRefusedNamingThePlace(String json, String problem) {
        var e = assertThrows(IllegalArgumentException.class, () -> HistoryJson.decode(Json.parse(json)));
        assertEquals(problem, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "epoch":1              | epochs[0].epoch: expected 0 (epochs are numbered 0, 1, … in order), got 1
            "epoch":0.0            | epochs[0].epoch: expected an integer, got number 0.0
            "epoch":0,"extra":true | epochs[0]: unexpected key 'extra'
            """)
    void malformedRecordsAreRefusedNamingThePlace(String epochMember, String problem) {
        String json = "{\"epochs\":[{" + epochMember + "," + RECORD + "}],\"stopReason\":null}";
        var e = assertThrows(IllegalArgumentException.class, () -> HistoryJson.decode(Json.parse(json)));
        assertEquals(problem, e.getMessage());
    }

    @Test
    void aNumberThatIsNotOneIsRefusedNamingItsPath() {
        String json = "{\"epochs\":[{\"epoch\":0," + RECORD.replace("\"trainMetrics\":{}",
                "\"trainMetrics\":{\"accuracy\":\"nan\"}") + "}],\"stopReason\":null}";
        var e = assertThrows(IllegalArgumentException.class, () -> HistoryJson.decode(Json.parse(json)));
        assertEquals("epochs[0].trainMetrics.accuracy: expected a number, \"NaN\", \"Infinity\" or \"-Infinity\","
                + " got string \"nan\"", e.getMessage());
    }
}
