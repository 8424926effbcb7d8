/**
 * Pool libraries: one {@link io.connlint.core.pool.PoolLibrary} per client library (HikariCP,
 * tomcat-jdbc, DBCP2, Django's per-thread connections) maps the library's keys onto the
 * library-neutral {@link io.connlint.core.model.PoolConcept}s, keeping the library's own key name
 * and position with each value, and knows its defaults per release, the values it refuses and the
 * ones it rewrites. {@link io.connlint.core.pool.AppPools} builds an app's pools from what the
 * readers give (Spring Boot's resolved configuration, a HikariCP properties file, a Django
 * settings module) through the descriptors.
 *
 * <p>A new library (Druid, say) is: a descriptor class beside {@code TomcatJdbc} (its keys with
 * concepts, defaults and limits, its {@link io.connlint.core.pool.SpringBinding} when Spring Boot
 * binds it, its {@link io.connlint.core.model.PoolKind}), its test beside {@code TomcatJdbcTest},
 * and one line in {@link io.connlint.core.pool.PoolLibraries}; the rules that read concepts
 * (CL303, CL305, CL306, the budget) then cover it in its own words.
 *
 * <p>Depends on the model and the readers, never on the engine, the rules or the reporters.
 */
package io.connlint.core.pool;
