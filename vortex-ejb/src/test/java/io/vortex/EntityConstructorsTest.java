package io.vortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.vortex.dag.Dag;
import io.vortex.dag.DagVersion;
import io.vortex.dag.ImportError;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceState;
import io.vortex.execution.TaskTry;
import io.vortex.execution.XCom;
import io.vortex.notify.CallbackConfig;
import io.vortex.pool.Pool;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.DagRunState;
import io.vortex.schedule.DagRunType;
import io.vortex.schedule.SchedulerJob;
import io.vortex.security.AuditEvent;
import io.vortex.security.Role;
import io.vortex.security.Secret;
import io.vortex.security.Team;
import io.vortex.security.User;
import io.vortex.worker.Worker;
import jakarta.json.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntityConstructorsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    private static final OffsetDateTime MIDNIGHT = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Dag etl = new Dag("etl", "/dags/etl.py");

    @Nested
    class Definitions {

        @Test
        void aDagVersionIsNumberedFromOne() {
            assertThat(new DagVersion(etl, 1, "src", "abc", "/dags/etl.py", NOW, null, null).getVersionNumber())
                    .isEqualTo(1);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DagVersion(etl, 0, "src", "abc", "/dags/etl.py", NOW, null, null));
        }

        @Test
        void aDagVersionNeedsItsDagSourceAndHash() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new DagVersion(null, 1, "src", "abc", "/dags/etl.py", NOW, null, null));
            assertThatNullPointerException()
                    .isThrownBy(() -> new DagVersion(etl, 1, null, "abc", "/dags/etl.py", NOW, null, null));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DagVersion(etl, 1, "src", " ", "/dags/etl.py", NOW, null, null));
        }

        @Test
        void anImportErrorMayHaveNoLineButNotLineZero() {
            assertThat(new ImportError("/dags/bad.py", null, "SyntaxError", NOW, "jython").getLineNumber()).isNull();
            assertThatIllegalArgumentException().isThrownBy(() -> new ImportError("/dags/bad.py", 0, "SyntaxError", NOW, "jython"));
            assertThatIllegalArgumentException().isThrownBy(() -> new ImportError(" ", 3, "SyntaxError", NOW, "jython"));
        }
    }

    @Nested
    class Scheduling {

        @Test
        void aNewRunIsQueued() {
            DagRun run = scheduledRun();

            assertThat(run.getState()).isEqualTo(DagRunState.QUEUED);
            assertThat(run.isExternalTrigger()).isFalse();
        }

        @Test
        void aManualRunIsExternallyTriggered() {
            DagRun run = new DagRun(etl, null, "manual__x", DagRunType.MANUAL, NOW, null, null, "{}", NOW);

            assertThat(run.isExternalTrigger()).isTrue();
        }

        @Test
        void aDataIntervalNeedsBothEndsInOrder() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new DagRun(etl, null, "r", DagRunType.SCHEDULED, MIDNIGHT, MIDNIGHT, null, null, NOW));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new DagRun(etl, null, "r", DagRunType.SCHEDULED, MIDNIGHT, NOW, MIDNIGHT, null, NOW));
        }

        @Test
        void aRunCannotUseAnotherDagsVersion() {
            DagVersion otherVersion = new DagVersion(new Dag("other", "/dags/other.py"), 1, "src", "abc",
                    "/dags/other.py", NOW, null, null);

            assertThatIllegalArgumentException().isThrownBy(() -> new DagRun(etl, otherVersion, "r",
                    DagRunType.SCHEDULED, MIDNIGHT, null, null, null, NOW)).withMessageContaining("other");
        }

        @Test
        void aRunNeedsARunIdAndALogicalDate() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new DagRun(etl, null, " ", DagRunType.SCHEDULED, MIDNIGHT, null, null, null, NOW));
            assertThatNullPointerException().isThrownBy(
                    () -> new DagRun(etl, null, "r", DagRunType.SCHEDULED, null, null, null, null, NOW));
        }

        @Test
        void aRunMarkedByHandEndsNowAndARequeuedRunStartsAfresh() {
            DagRun run = scheduledRun();
            run.start(NOW);
            run.markAs(DagRunState.FAILED, NOW.plusSeconds(5));
            assertThat(run.getState()).isEqualTo(DagRunState.FAILED);
            assertThat(run.getEndDate()).isEqualTo(NOW.plusSeconds(5));
            assertThatIllegalArgumentException().isThrownBy(() -> run.markAs(DagRunState.RUNNING, NOW));

            run.requeue(NOW.plusSeconds(9));
            assertThat(run.getState()).isEqualTo(DagRunState.QUEUED);
            assertThat(run.getQueuedAt()).isEqualTo(NOW.plusSeconds(9));
            assertThat(run.getStartDate()).isNull();
            assertThat(run.getEndDate()).isNull();
            run.start(NOW.plusSeconds(10));
            assertThat(run.isRunning()).isTrue();
        }

        @Test
        void aSchedulerJobRunsHeartbeatsAndEnds() {
            SchedulerJob job = new SchedulerJob("node1", NOW);
            assertThat(job.getState()).isEqualTo("running");
            assertThat(job.getJobType()).isEqualTo("SchedulerJob");

            job.heartbeat(NOW.plusSeconds(5));
            assertThat(job.getLatestHeartbeat()).isEqualTo(NOW.plusSeconds(5));

            job.end(NOW.plusSeconds(10));
            assertThat(job.getState()).isEqualTo("success");
            assertThat(job.getEndDate()).isEqualTo(NOW.plusSeconds(10));
            assertThatIllegalStateException().isThrownBy(() -> job.heartbeat(NOW.plusSeconds(15)));
            assertThatIllegalStateException().isThrownBy(() -> job.end(NOW.plusSeconds(15)));
        }

        @Test
        void aSchedulerJobNeedsAHost() {
            assertThatIllegalArgumentException().isThrownBy(() -> new SchedulerJob("", NOW));
        }
    }

    @Nested
    class Execution {

        @Test
        void aNewTaskInstanceHasNoStateAndCopiesItsTask() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"),
                    TaskInstance.NOT_MAPPED, 1);

            assertThat(ti.getState()).isNull();
            assertThat(ti.getTryNumber()).isZero();
            assertThat(ti.getMapIndex()).isEqualTo(-1);
            assertThat(ti.getPool()).isEqualTo("default_pool");
            assertThat(ti.getOperator()).isEqualTo("BashOperator");
            assertThat(ti.getDag()).isSameAs(etl);
        }

        @Test
        void aTaskInstanceNeedsAValidMapIndex() {
            assertThatIllegalArgumentException().isThrownBy(() -> new TaskInstance(scheduledRun(), bash("load"), -2, 1));
        }

        @Test
        void aTaskInstanceRunsQueuedThenRunningAndCountsItsTries() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"), -1, 1);

            assertThatIllegalStateException().isThrownBy(() -> ti.start("node1", NOW));
            ti.queue(NOW);
            ti.start("node1", NOW.plusSeconds(1));
            ti.succeed(NOW.plusSeconds(3));

            assertThat(ti.getState()).isEqualTo(TaskInstanceState.SUCCESS);
            assertThat(ti.getTryNumber()).isEqualTo(1);
            assertThat(ti.getDuration()).isEqualTo(2.0);
            assertThat(ti.isFinished()).isTrue();
            assertThatIllegalStateException().isThrownBy(() -> ti.queue(NOW));
        }

        @Test
        void aFailedTryIsRetriedWhileRetriesRemain() {
            TaskInstance ti = new TaskInstance(scheduledRun(), new TaskSpec(Json.createObjectBuilder()
                    .add("task_id", "load").add("retries", 1).build()), -1, 1);
            ti.queue(NOW);
            ti.start("node1", NOW);
            assertThat(ti.canRetry()).isTrue();
            ti.scheduleRetry(NOW, NOW.plusSeconds(300));
            assertThat(ti.getState()).isEqualTo(TaskInstanceState.UP_FOR_RETRY);
            assertThat(ti.getNextRetryAt()).isEqualTo(NOW.plusSeconds(300));

            ti.queue(NOW.plusSeconds(300));
            ti.start("node1", NOW.plusSeconds(301));
            assertThat(ti.getTryNumber()).isEqualTo(2);
            assertThat(ti.canRetry()).isFalse();
        }

        @Test
        void onlyAnInstanceThatHasNotStartedIsSettledByItsUpstream() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"), -1, 1);
            ti.settleWithoutRunning(TaskInstanceState.UPSTREAM_FAILED, NOW);

            assertThat(ti.getState()).isEqualTo(TaskInstanceState.UPSTREAM_FAILED);
            assertThat(ti.getEndDate()).isEqualTo(NOW);
            assertThatIllegalStateException().isThrownBy(() -> ti.settleWithoutRunning(TaskInstanceState.SKIPPED, NOW));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new TaskInstance(scheduledRun(), bash("x"), -1, 1).settleWithoutRunning(TaskInstanceState.FAILED, NOW));
        }

        @Test
        void aMarkedInstanceKeepsTheEndOfItsLastTryOrStartsAndEndsNow() {
            TaskInstance ran = new TaskInstance(scheduledRun(), bash("load"), -1, 1);
            ran.queue(NOW);
            ran.start("node1", NOW);
            ran.fail(NOW.plusSeconds(4));
            ran.markAs(TaskInstanceState.SUCCESS, NOW.plusSeconds(60));
            assertThat(ran.getState()).isEqualTo(TaskInstanceState.SUCCESS);
            assertThat(ran.getEndDate()).isEqualTo(NOW.plusSeconds(4));
            assertThat(ran.getDuration()).isEqualTo(4.0);

            TaskInstance never = new TaskInstance(scheduledRun(), bash("load"), -1, 1);
            never.markAs(TaskInstanceState.SKIPPED, NOW);
            assertThat(never.getStartDate()).isEqualTo(NOW);
            assertThat(never.getEndDate()).isEqualTo(NOW);
            assertThatIllegalArgumentException().isThrownBy(() -> never.markAs(TaskInstanceState.QUEUED, NOW));
        }

        @Test
        void aClearedInstanceRunsAgainWithItsRetriesCountedFromTheTriesMade() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"), -1, 1);
            ti.queue(NOW);
            ti.start("node1", NOW);
            ti.fail(NOW.plusSeconds(1));

            ti.clear(2);
            assertThat(ti.getState()).isNull();
            assertThat(ti.getMaxTries()).isEqualTo(3);
            ti.queue(NOW.plusSeconds(2));
            ti.start("node1", NOW.plusSeconds(2));
            assertThat(ti.getTryNumber()).isEqualTo(2);
            assertThat(ti.canRetry()).isTrue();
            assertThatIllegalArgumentException().isThrownBy(() -> ti.clear(-1));
        }

        @Test
        void aTryStartsRunningAndIsNumberedFromOne() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"), -1, 1);

            assertThat(new TaskTry(ti, 1, "node1", "/logs/etl/load/1.log", NOW).getState())
                    .isEqualTo(TaskInstanceState.RUNNING);
            assertThatIllegalArgumentException().isThrownBy(() -> new TaskTry(ti, 0, "node1", "/logs/x.log", NOW));
        }

        @Test
        void anXComKnowsItsSizeInBytes() {
            TaskInstance ti = new TaskInstance(scheduledRun(), bash("load"), -1, 1);

            assertThat(new XCom(ti, XCom.RETURN_VALUE_KEY, "\"é\"", NOW).getValueSize()).isEqualTo(4);
            assertThat(new XCom(ti, "nothing", null, NOW).getValueSize()).isZero();
            assertThatIllegalArgumentException().isThrownBy(() -> new XCom(ti, " ", "1", NOW));
        }
    }

    @Nested
    class PoolsSecurityNotifyWorkers {

        @Test
        void aPoolMayBeUnlimitedButNotNegative() {
            assertThat(new Pool("db", Pool.UNLIMITED, null).getSlots()).isEqualTo(-1);
            assertThatIllegalArgumentException().isThrownBy(() -> new Pool("db", -2, null));
            assertThatIllegalArgumentException().isThrownBy(() -> new Pool(" ", 4, null));
        }

        @Test
        void onlyAPoolOtherThanTheDefaultOneIsRenamed() {
            Pool warehouse = new Pool("db", 4, null);
            warehouse.rename("warehouse");
            assertThat(warehouse.getPoolName()).isEqualTo("warehouse");
            assertThat(warehouse.isDefault()).isFalse();
            Pool fallback = new Pool(Pool.DEFAULT_POOL, 128, null);
            assertThatIllegalArgumentException().isThrownBy(() -> fallback.rename("other")).withMessage("Default Pool's name can't be modified");
            assertThatIllegalArgumentException().isThrownBy(() -> warehouse.describe("x".repeat(1001)));
        }

        @Test
        void aUserIsActiveAndNeedsARole() {
            assertThat(new User("ada", "Ada", "ada@example.org", Role.Operator, NOW).isActive()).isTrue();
            assertThatNullPointerException().isThrownBy(() -> new User("ada", null, null, null, NOW));
            assertThatIllegalArgumentException().isThrownBy(() -> new User("", null, null, Role.Viewer, NOW));
            assertThatIllegalArgumentException().isThrownBy(() -> new User("ada", null, "ada", Role.Viewer, NOW));
        }

        @Test
        void aTeamAddsEachMemberOnce() {
            Team team = new Team("data", null, NOW);
            User ada = new User("ada", null, null, Role.Viewer, NOW);

            assertThat(team.addMember(ada)).isTrue();
            assertThat(team.addMember(ada)).isFalse();
            assertThat(team.getMembers()).containsExactly(ada);
            assertThatIllegalArgumentException().isThrownBy(() -> new Team(" ", null, NOW));
        }

        @Test
        void aSecretWithoutTeamIsGlobal() {
            Secret global = new Secret("db_password", null, "Y2lwaGVy", null, "ada", NOW);

            assertThat(global.isGlobal()).isTrue();
            assertThat(global.getTeam()).isNull();
            assertThat(global.getUpdatedAt()).isEqualTo(NOW);
            assertThat(new Secret("db_password", "data", "Y2lwaGVy", null, "ada", NOW).getTeam()).isEqualTo("data");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Secret("db_password", "", "Y2lwaGVy", null, "ada", NOW));
            assertThatIllegalArgumentException().isThrownBy(() -> new Secret("db_password", null, "", null, "ada", NOW));
        }

        @Test
        void anAuditEventNeedsAKnownOutcome() {
            assertThat(new AuditEvent(NOW, "ada", "trigger", "etl", null, null, null, null, AuditEvent.SUCCESS)
                    .getOutcome()).isEqualTo("success");
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new AuditEvent(NOW, "ada", "trigger", "etl", null, null, null, null, "ok"));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new AuditEvent(NOW, "ada", " ", "etl", null, null, null, null, AuditEvent.DENIED));
        }

        @Test
        void aCallbackNeedsAKnownEventAndChannel() {
            CallbackConfig global = new CallbackConfig(null, "on_failure", "slack", "https://hooks.example/x", NOW);

            assertThat(global.isGlobalDefault()).isTrue();
            assertThat(global.isEnabled()).isTrue();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CallbackConfig("etl", "on_failed", "slack", "https://x", NOW));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CallbackConfig("etl", "on_failure", "sms", "https://x", NOW));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CallbackConfig("etl", "on_failure", "email", " ", NOW));
        }

        @Test
        void aWorkerStartsRunningAndHeartbeats() {
            Worker worker = new Worker("node2", "default", NOW);
            assertThat(worker.getState()).isEqualTo("running");
            assertThat(worker.getLatestHeartbeat()).isEqualTo(NOW);

            worker.heartbeat(NOW.plusSeconds(5), 3);
            assertThat(worker.getActiveTasks()).isEqualTo(3);
            assertThatIllegalArgumentException().isThrownBy(() -> worker.heartbeat(NOW, -1));
            assertThatIllegalArgumentException().isThrownBy(() -> new Worker("node2", "", NOW));
        }
    }

    private DagRun scheduledRun() {
        return new DagRun(etl, null, "scheduled__2024-01-01T00:00:00+00:00", DagRunType.SCHEDULED, MIDNIGHT,
                MIDNIGHT, MIDNIGHT.plusDays(1), null, NOW);
    }

    private static TaskSpec bash(String taskId) {
        return new TaskSpec(Json.createObjectBuilder().add("task_id", taskId).add("task_type", "BashOperator").build());
    }
}
