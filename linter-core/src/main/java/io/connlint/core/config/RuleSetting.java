package io.connlint.core.config;

import io.connlint.core.finding.Severity;
import io.connlint.core.model.SourceLocation;

import java.util.Map;
import java.util.Optional;

/**
 * One entry under {@code rules:} in connlint.yml: {@code CL104: off} or
 * {@code CL301: { severity: info, maxSeconds: 1800 }}.
 */
public record RuleSetting(String code, SourceLocation at, boolean off, Optional<Severity> severity,
                          Map<String, Long> options, Map<String, SourceLocation> optionAt) {

    public RuleSetting {
        options = Map.copyOf(options);
        optionAt = Map.copyOf(optionAt);
    }
}
