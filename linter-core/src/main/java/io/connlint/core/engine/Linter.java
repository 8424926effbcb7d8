package io.connlint.core.engine;

import io.connlint.core.read.Parallel;
import io.connlint.core.rule.AfterSuppressions;
import io.connlint.core.rule.RuleRegistry;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.rule.Rule;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.Finding;
import io.connlint.core.config.ProjectConfig;
import io.connlint.core.config.RuleSetting;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.text.Similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one entry point: a request in, the model and the findings out. */
public final class Linter {

    /** From this many servers and pools the rules run in parallel; below, starting threads costs more. */
    private static final int PARALLEL_RULES_FROM = 16;

    private final java.util.concurrent.Future<RuleRegistry> registry;

    public Linter(RuleRegistry registry) {
        this.registry = java.util.concurrent.CompletableFuture.completedFuture(registry);
    }

    private Linter(java.util.concurrent.Future<RuleRegistry> registry) {
        this.registry = registry;
    }

    /**
     * A linter with every rule on the class path. The rules are found and their annotations read
     * on a thread of their own while the project is read (a tenth of a small project's run).
     */
    public static Linter withDiscoveredRules() {
        ClassLoader loader = RuleRegistry.class.getClassLoader();
        java.util.concurrent.FutureTask<RuleRegistry> discovery =
                new java.util.concurrent.FutureTask<>(() -> RuleRegistry.discover(loader));
        Thread thread = new Thread(discovery, "connlint-rules");
        thread.setDaemon(true);
        thread.start();
        return new Linter(discovery);
    }

    public RuleRegistry registry() {
        try {
            return registry.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding the rules", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // e.g. two rules with one code: as if found on this thread
            }
            throw new IllegalStateException("finding the rules failed", e.getCause());
        }
    }

    /**
     * Checks the project. Bad input is reported as findings.
     *
     * @throws ConnlintException when connlint cannot run (an explicitly named connlint.yml is missing)
     */
    public LintResult lint(LintRequest request) {
        ProjectLoader.Loaded loaded = ProjectLoader.load(request);
        ProjectConfig config = loaded.config();
        RuleRegistry registry = registry();
        Deployment model = withRuleProblems(loaded.model(), config, registry);
        Deployment read = model;
        model = model.withSuppressions(io.connlint.core.read.TextFile.within(ProjectLoader.limits(request, config),
                loaded.memo(), () -> Suppressions.scan(request.projectRoot(), read, config.file())));
        // rules only read the model, so on a large one they run side by side; findings keep the rules' order
        Deployment checked = model;
        List<Rule> rules = registry.rules().stream().filter(rule -> !(rule instanceof AfterSuppressions)).toList();
        java.util.function.Function<Rule, List<Finding>> check = rule -> run(rule, checked, config);
        List<Finding> findings = new ArrayList<>();
        (checked.servers().size() + checked.pools().size() >= PARALLEL_RULES_FROM ? Parallel.map(rules, check)
                : rules.stream().map(check).toList()).forEach(findings::addAll);
        // a finding with a reasoned suppression directly above its line is silenced
        List<io.connlint.core.model.Suppression> suppressions = new ArrayList<>(model.suppressions());
        Map<String, List<Integer>> byLine = Suppressions.byLine(suppressions);
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            int s = Suppressions.matching(suppressions, byLine, f);
            if (s < 0) {
                kept.add(f);
            } else {
                suppressions.set(s, suppressions.get(s).markUsed());
            }
        }
        model = model.withSuppressions(suppressions);
        for (Rule rule : registry.rules()) {
            if (rule instanceof AfterSuppressions) {
                kept.addAll(run(rule, model, config));
            }
        }
        kept.sort(Finding.ORDER);
        return new LintResult(model, kept, registry.infos());
    }

    private static List<Finding> run(Rule rule, Deployment model, ProjectConfig config) {
        RuleInfo info = rule.info();
        RuleSetting setting = config.rules().get(info.code());
        if (setting != null && setting.off()) {
            return List.of();
        }
        Severity severity = setting == null ? info.defaultSeverity()
                : setting.severity().orElse(info.defaultSeverity());
        Map<String, Long> options = setting == null ? Map.of() : setting.options();
        List<Finding> findings = new ArrayList<>();
        rule.check(model, new RuleContext(info, severity, options, findings::add));
        return findings;
    }

    /** Rule codes and options in connlint.yml that no rule has. */
    private static Deployment withRuleProblems(Deployment model, ProjectConfig config, RuleRegistry registry) {
        List<ReadProblem> problems = new ArrayList<>(model.problems());
        List<String> codes = registry.infos().stream().map(RuleInfo::code).toList();
        for (RuleSetting setting : config.rules().values()) {
            var info = registry.infos().stream().filter(i -> i.code().equals(setting.code())).findFirst();
            if (info.isEmpty()) {
                problems.add(ReadProblem.configInvalid(setting.at(), "rules: '" + setting.code()
                        + "' is not a rule code" + Similar.hint(setting.code(), codes)));
                continue;
            }
            List<String> names = info.get().options().stream().map(RuleInfo.OptionInfo::name).toList();
            for (String option : setting.options().keySet()) {
                if (info.get().option(option).isEmpty()) {
                    String known = names.isEmpty() ? " (it has no options)" : " (options: " + String.join(", ", names) + ")";
                    problems.add(ReadProblem.configInvalid(setting.optionAt().get(option), "rules." + setting.code()
                            + ": '" + option + "' is not an option of " + info.get().title()
                            + Similar.hint(option, names) + known));
                }
            }
        }
        if (problems.size() == model.problems().size()) {
            return model;
        }
        return model.withProblems(problems);
    }
}
