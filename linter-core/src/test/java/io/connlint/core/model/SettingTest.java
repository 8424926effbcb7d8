package io.connlint.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A setting's adjustments carry their kind, so rules need not read the reason's words. */
class SettingTest {

    private final Setting<Long> written = Setting.written("max_connections", 0L, "0", new SourceLocation("my.cnf", 2, 1));

    @Test
    void adjustmentsChainInOrderAndTheReasonJoinsThem() {
        Setting<Long> s = written.runsWith(1L, Setting.Kind.RANGE_CLAMPED, "option 'max_connections': value 0 adjusted to 1");
        assertSame(s, s.then(1L, Setting.Kind.OPEN_FILES_CUT, "the value does not change: nothing recorded"));
        assertEquals(List.of(Setting.Kind.RANGE_CLAMPED), s.adjustments().stream().map(Setting.Adjustment::kind).toList());
        Setting<Long> lowered = written.runsWith(500L, Setting.Kind.RANGE_CLAMPED, "clamped")
                .then(214L, Setting.Kind.OPEN_FILES_CUT, "Changed limits: max_connections: 214 (requested 500)");
        assertEquals(Optional.of("clamped; then Changed limits: max_connections: 214 (requested 500)"), lowered.reason());
        assertEquals(Optional.of("Changed limits: max_connections: 214 (requested 500)"),
                lowered.adjustment(Setting.Kind.OPEN_FILES_CUT).map(Setting.Adjustment::why));
        assertEquals(214L, lowered.effective());
    }

    @Test
    void aReasonWithoutKindIsOneOtherAdjustment() {
        Setting<Long> s = new Setting<>("x", 1L, "1", written.origin(), 2L, Optional.of("because"));
        assertEquals(List.of(new Setting.Adjustment(Setting.Kind.OTHER, "because")), s.adjustments());
        assertEquals(List.of(), written.adjustments());
        assertSame(written, written.runsWith(0L, Setting.Kind.POOL_REWRITE, "same as written"));
    }
}
