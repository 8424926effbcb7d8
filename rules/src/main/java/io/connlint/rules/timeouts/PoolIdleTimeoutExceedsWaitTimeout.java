package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

import java.util.Optional;

/**
 * A pool that lets idle connections go (minimum idle below its maximum) should let them go before
 * the server does: otherwise idle connections die on the server first and the pool finds them dead,
 * unless keepalive pings them in time. For every pool library with an idle timeout, in its words.
 */
@LintRule(code = "CL306", name = "pool-idle-timeout-exceeds-wait-timeout",
        summary = "Idle connections outlive the server's wait_timeout in the pool",
        severity = Severity.WARNING)
public final class PoolIdleTimeoutExceedsWaitTimeout implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> wait = server.waitTimeout();
            long waitMs = wait.effective() * 1000;
            for (ClientPool pool : model.poolsOf(server)) {
                Optional<PoolValue.Time> idle = pool.time(PoolConcept.IDLE_TIMEOUT);
                Optional<PoolValue.Count> minIdle = pool.count(PoolConcept.MIN_IDLE);
                Setting<Long> max = pool.maximumPoolSize();
                if (idle.isEmpty() || minIdle.isEmpty() || minIdle.get().setting().effective() >= max.effective()) {
                    continue; // a fixed-size pool never retires idle connections: CL303 covers it
                }
                boolean never = idle.get().unlimited();
                long idleMs = idle.get().millis();
                if ((!never && idleMs < waitMs) || keptAlive(pool, waitMs)) {
                    continue;
                }
                Setting<Long> idleSetting = idle.get().setting();
                String name = idleSetting.name();
                String idleText = never ? "never (" + name + " " + idleSetting.effective()
                        + idleSetting.reason().map(r -> ": " + r).orElse("") + ")"
                        : "after " + name + " " + Numbers.millis(idleMs);
                context.report("pool " + pool.id() + " retires idle connections " + idleText + ", but server "
                                + server.id() + " closes them after wait_timeout " + Numbers.seconds(wait.effective())
                                + ", and no keepalive pings them before")
                        .at(idleSetting, pool.location())
                        .related(wait, "wait_timeout = " + wait.effective() + " on server " + server.id())
                        .arithmetic(minIdle.get().setting().name() + " " + minIdle.get().setting().effective() + " < "
                                + max.name() + " " + max.effective() + ": idle connections wait for " + name)
                        .arithmetic((never ? name + " " + idleSetting.effective() + " (never)" : name + " " + idleMs
                                + " ms") + " >= wait_timeout " + wait.effective() + " s = " + waitMs + " ms ("
                                + wait.origin().describe() + ")")
                        .help(fix(pool, idle.get(), waitMs))
                        .emit();
            }
        }
    }

    /** True when the pool's keepalive pings idle connections before the server closes them. */
    private static boolean keptAlive(ClientPool pool, long waitMs) {
        return pool.time(PoolConcept.KEEPALIVE).map(k -> !k.unlimited() && k.millis() > 0 && k.millis() < waitMs)
                .orElse(false);
    }

    /**
     * An idle timeout the library keeps (at least its floor, and far enough below the lifetime, else
     * the library turns it off) below wait_timeout, as a round value; else a keepalive (at least its
     * floor, below the lifetime).
     */
    static String fix(ClientPool pool, PoolValue.Time idle, long waitMs) {
        Optional<PoolValue.Time> lifetime = pool.time(PoolConcept.MAX_LIFETIME);
        long life = lifetime.filter(t -> !t.unlimited()).map(PoolValue.Time::millis).orElse(0L);
        String lifeName = lifetime.map(t -> t.setting().name()).orElse("the lifetime");
        String library = pool.kind().library();
        String idleName = idle.setting().name();
        long idleGap = idle.limits().belowLifetimeBy().orElse(0L);
        long idleFloor = idle.limits().floor().orElse(1L);
        long value = round(Math.min(waitMs - 1, cap(life, idleGap)));
        Optional<PoolValue.Time> keepalive = pool.time(PoolConcept.KEEPALIVE);
        if (value >= idleFloor) {
            return "set " + idleName + " = " + value + " (below wait_timeout " + waitMs + " ms"
                    + (life > 0 ? " and " + lifeName + " " + life + " − " + idleGap : "") + ")"
                    + keepalive.map(k -> ", or " + k.setting().name() + " below wait_timeout").orElse("");
        }
        if (keepalive.isPresent()) {
            String keepName = keepalive.get().setting().name();
            long keepFloor = keepalive.get().limits().floor().orElse(1L);
            long keep = round(Math.min(waitMs - 1, cap(life, keepalive.get().limits().belowLifetimeBy().orElse(0L))));
            if (keep >= keepFloor) {
                return "set " + keepName + " = " + keep + " (below wait_timeout " + waitMs + " ms), since " + library
                        + " takes no " + idleName + " below " + idleFloor;
            }
            return "raise wait_timeout: " + library + " takes no " + idleName + " below " + idleFloor + " ms and no "
                    + keepName + " below " + keepFloor + " ms";
        }
        return "raise wait_timeout: " + library + " takes no " + idleName + " below " + idleFloor + " ms";
    }

    /** The most a value may be to stay more than {@code gap} below the lifetime (none when there is none). */
    private static long cap(long life, long gap) {
        return life > 0 ? life - gap - 1 : Long.MAX_VALUE;
    }

    /** Whole minutes when at least two, else whole seconds, not above {@code cap}. */
    private static long round(long cap) {
        return cap >= 120_000 ? cap / 60_000 * 60_000 : cap / 1000 * 1000;
    }
}
