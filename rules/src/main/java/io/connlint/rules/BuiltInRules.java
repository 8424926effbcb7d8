package io.connlint.rules;

import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleProvider;
import io.connlint.rules.budget.MaxUserConnectionsBelowDemand;
import io.connlint.rules.budget.PoolBudgetExceeded;
import io.connlint.rules.budget.PoolBudgetExceededAtAutoscaleMax;
import io.connlint.rules.budget.PoolBudgetExceededDuringRollout;
import io.connlint.rules.budget.PoolBudgetHeadroomLow;
import io.connlint.rules.budget.ReservedConnectionsUndeclared;
import io.connlint.rules.budget.PoolUsesAdminAccount;
import io.connlint.rules.timeouts.DjangoConnMaxAgeExceedsWaitTimeout;
import io.connlint.rules.django.DjangoPersistentConnectionsUnbounded;
import io.connlint.rules.django.DjangoPersistentWithoutHealthChecks;
import io.connlint.rules.meta.ConfigUnreadable;
import io.connlint.rules.meta.ConnlintConfigInvalid;
import io.connlint.rules.meta.SuppressionInvalid;
import io.connlint.rules.timeouts.ConnectionTimeoutUnbounded;
import io.connlint.rules.pools.HikariIdleTimeoutIgnored;
import io.connlint.rules.pools.HikariInvalidValue;
import io.connlint.rules.pools.HikariValueSilentlyReplaced;
import io.connlint.rules.pools.PoolPropertyMisplaced;
import io.connlint.rules.pools.UnknownPoolProperty;
import io.connlint.rules.timeouts.InteractiveTimeoutTooLong;
import io.connlint.rules.server.InvalidOptionValue;
import io.connlint.rules.server.OptionFileIgnored;
import io.connlint.rules.memory.MaxConnectionsAboveRamRuleOfThumb;
import io.connlint.rules.server.SettingInIgnoredGroup;
import io.connlint.rules.server.SettingOverridden;
import io.connlint.rules.memory.ConnectionMemoryExceedsRam;
import io.connlint.rules.server.MaxConnectionsCutByOpenFiles;
import io.connlint.rules.server.ThreadCacheTooSmall;
import io.connlint.rules.server.ValueClamped;
import io.connlint.rules.timeouts.WaitTimeoutTooLong;
import io.connlint.rules.timeouts.PoolIdleTimeoutExceedsWaitTimeout;
import io.connlint.rules.timeouts.PoolLifetimeExceedsWaitTimeout;
import io.connlint.rules.topology.InstancesNotDeclared;
import io.connlint.rules.topology.ReplicaDatasourceTargetsPrimary;
import io.connlint.rules.topology.UnknownTargetServer;
import io.connlint.rules.topology.ValueUnresolved;

import java.util.List;

/** The built-in rules: this list is the registry (RegistryConsistencyTest keeps it complete). */
public final class BuiltInRules implements RuleProvider {

    /** Every built-in rule, by code. */
    public static List<Rule> all() {
        return List.of(
                // start
                new PoolBudgetExceeded(),
                new PoolBudgetExceededDuringRollout(),
                new PoolBudgetExceededAtAutoscaleMax(),
                new PoolBudgetHeadroomLow(),
                new ReservedConnectionsUndeclared(),
                new MaxUserConnectionsBelowDemand(),
                new PoolUsesAdminAccount(),
                new MaxConnectionsAboveRamRuleOfThumb(),
                new WaitTimeoutTooLong(),
                new InteractiveTimeoutTooLong(),
                new SettingInIgnoredGroup(),
                new SettingOverridden(),
                new ConnectionMemoryExceedsRam(),
                new MaxConnectionsCutByOpenFiles(),
                new ThreadCacheTooSmall(),
                new ValueClamped(),
                new InvalidOptionValue(),
                new OptionFileIgnored(),
                new PoolLifetimeExceedsWaitTimeout(),
                new DjangoConnMaxAgeExceedsWaitTimeout(),
                new ConnectionTimeoutUnbounded(),
                new PoolIdleTimeoutExceedsWaitTimeout(),
                new HikariValueSilentlyReplaced(),
                new HikariInvalidValue(),
                new HikariIdleTimeoutIgnored(),
                new UnknownPoolProperty(),
                new PoolPropertyMisplaced(),
                new DjangoPersistentConnectionsUnbounded(),
                new DjangoPersistentWithoutHealthChecks(),
                new UnknownTargetServer(),
                new InstancesNotDeclared(),
                new ReplicaDatasourceTargetsPrimary(),
                new ValueUnresolved(),
                new ConfigUnreadable(),
                new ConnlintConfigInvalid(),
                new SuppressionInvalid()
                // end
        );
    }

    @Override
    public List<Rule> rules() {
        return all();
    }
}
