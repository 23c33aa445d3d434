package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads a pod's status (and its events) into the one phrase a person needs: why it is pending, why it failed. */
final class PodStatuses {

    private PodStatuses() {
    }

    static String phase(Pod pod) {
        PodStatus s = pod.getStatus();
        return s == null || s.getPhase() == null ? "Pending" : s.getPhase();
    }

    /** Why a pod has not started: a container's waiting reason, the scheduler's verdict, or its last warning event. */
    static String pendingReason(Pod pod, List<Event> events) {
        List<String> reasons = new ArrayList<>();
        PodStatus s = pod.getStatus();
        if (s != null) {
            for (ContainerStatus c : containers(s)) {
                ContainerStateWaiting w = c.getState() == null ? null : c.getState().getWaiting();
                if (w != null && w.getReason() != null && !"PodInitializing".equals(w.getReason())
                        && !"ContainerCreating".equals(w.getReason())) {
                    reasons.add("container " + c.getName() + " " + w.getReason() + text(w.getMessage()));
                }
            }
            for (PodCondition c : s.getConditions() == null ? List.<PodCondition>of() : s.getConditions()) {
                if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                    reasons.add(Objects.toString(c.getReason(), "not scheduled") + text(c.getMessage()));
                }
            }
        }
        lastWarning(pod, events).ifPresent(e -> {
            String line = e.getReason() + text(e.getMessage());
            if (reasons.stream().noneMatch(r -> r.contains(Objects.toString(e.getMessage(), "")))) {
                reasons.add("event " + line);
            }
        });
        return reasons.isEmpty() ? "still pending (no reason reported)" : String.join("; ", reasons);
    }

    /** Why a pod ended other than in success; empty when it succeeded. */
    static String failure(Pod pod) {
        PodStatus s = pod.getStatus();
        if (s == null || !"Failed".equals(s.getPhase())) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        if (s.getReason() != null) {
            reasons.add(s.getReason() + text(s.getMessage()));
        }
        for (ContainerStatus c : containers(s)) {
            ContainerStateTerminated t = c.getState() == null ? null : c.getState().getTerminated();
            if (t != null && (t.getExitCode() == null || t.getExitCode() != 0)) {
                reasons.add("container " + c.getName() + " " + Objects.toString(t.getReason(), "terminated")
                        + " (exit code " + t.getExitCode() + ")" + text(t.getMessage()));
            }
        }
        return "failed: " + (reasons.isEmpty() ? "phase Failed" : String.join("; ", reasons));
    }

    private static List<ContainerStatus> containers(PodStatus s) {
        List<ContainerStatus> all = new ArrayList<>();
        if (s.getInitContainerStatuses() != null) {
            all.addAll(s.getInitContainerStatuses());
        }
        if (s.getContainerStatuses() != null) {
            all.addAll(s.getContainerStatuses());
        }
        return all;
    }

    private static Optional<Event> lastWarning(Pod pod, List<Event> events) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null
                        && pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .filter(e -> "Warning".equals(e.getType()))
                .max(Comparator.comparing(e -> Objects.toString(e.getLastTimestamp(), "")));
    }

    private static String text(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.strip();
    }
}
