package io.connlint.core.rule;

import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import io.connlint.core.finding.Finding;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a rule reports through. It knows the rule, the severity in force and the option values; it
 * turns settings into file locations so the rule never has to.
 */
public final class RuleContext {

    private final RuleInfo rule;
    private final Severity severity;
    private final Map<String, Long> options;
    private final Consumer<Finding> sink;

    public RuleContext(RuleInfo rule, Severity severity, Map<String, Long> options, Consumer<Finding> sink) {
        this.rule = rule;
        this.severity = severity;
        this.options = Map.copyOf(options);
        this.sink = sink;
    }

    /** The value of one of the rule's declared options: the configured one or the default. */
    public long option(String name) {
        RuleInfo.OptionInfo info = rule.option(name)
                .orElseThrow(() -> new IllegalArgumentException(rule.code() + " declares no option " + name));
        return options.getOrDefault(name, info.defaultValue());
    }

    public Severity severity() {
        return severity;
    }

    /** Starts a finding with this message. */
    public Report report(String message) {
        return new Report(message);
    }

    /** A finding under construction. */
    public final class Report {
        private final String message;
        private Severity reportSeverity = severity;
        private SourceLocation primary;
        private final List<Finding.Related> related = new ArrayList<>();
        private final List<String> arithmetic = new ArrayList<>();
        private String help;
        private String setting;
        private String about;

        private Report(String message) {
            this.message = message;
        }

        /** The setting the user should change; when it is not written in a file, {@code fallback}. */
        public Report at(Setting<?> setting, Optional<SourceLocation> fallback) {
            primary = setting.location().or(() -> fallback).orElse(primary);
            this.setting = setting.name();
            return this;
        }

        /**
         * Names what the finding is about where the primary location alone does not (the pool or
         * server), so that fingerprints of two findings at one place differ and survive moved lines.
         */
        public Report about(String what) {
            about = what;
            return this;
        }

        public Report at(SourceLocation location) {
            primary = location;
            return this;
        }

        public Report at(Optional<SourceLocation> location) {
            location.ifPresent(l -> primary = l);
            return this;
        }

        /** Another setting in the arithmetic; ignored when it is not written in a file. */
        public Report related(Setting<?> setting, String what) {
            setting.location().ifPresent(l -> related.add(new Finding.Related(l, what)));
            return this;
        }

        public Report related(SourceLocation location, String what) {
            related.add(new Finding.Related(location, what));
            return this;
        }

        public Report arithmetic(String line) {
            arithmetic.add(line);
            return this;
        }

        public Report help(String text) {
            help = text;
            return this;
        }

        /**
         * Lowers an error to a warning when the rule's catalogue entry says so for this case, unless
         * connlint.yml overrode the rule's severity (the override wins).
         */
        public Report downgradedTo(Severity lower) {
            if (severity == rule.defaultSeverity() && lower.compareTo(severity) < 0) {
                reportSeverity = lower;
            }
            return this;
        }

        /**
         * Raises the severity for a case the catalogue names as worse, unless connlint.yml
         * overrode the rule's severity (the override wins).
         */
        public Report escalatedTo(Severity higher) {
            if (severity == rule.defaultSeverity() && higher.compareTo(severity) > 0) {
                reportSeverity = higher;
            }
            return this;
        }

        public void emit() {
            if (primary != null) {
                related.removeIf(r -> r.at().equals(primary));
            }
            sink.accept(new Finding(rule, reportSeverity, message, Optional.ofNullable(primary), related, arithmetic,
                    Optional.ofNullable(help), subject()));
        }

        /** About what, then which setting; without either, the message with its numbers masked. */
        private String subject() {
            if (about == null && setting == null) {
                return message.replaceAll("\\d+", "#");
            }
            return (about == null ? "" : about) + "/" + (setting == null ? "" : setting);
        }
    }
}
