package dev.parley.engine.encoder;

import java.util.Map;
import java.util.Optional;

/**
 * Where tunings are kept between restarts (the application's storage): a tuning's tensors by a key naming what it was
 * tuned on. One that cannot be read counts as missing, and the encoder is tuned again.
 */
public interface TuningStore {

    Optional<Map<String, byte[]>> read(String key);

    void write(String key, Map<String, byte[]> tensors);
}
