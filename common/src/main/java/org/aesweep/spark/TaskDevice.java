package org.aesweep.spark;

import java.io.Serializable;
import java.util.Map;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend a task computes on and the GPU Spark assigned to it (spark.task.resource.gpu.amount).
 * On the CUDA backend the task's thread is bound to that GPU before any array is created; the CPU
 * build runs the same code and records backend cpu, with the address Spark gave it, if any.
 *
 * @param backend cpu or cuda
 * @param device  gpu:&lt;address&gt;, or null when Spark assigned no GPU
 */
public record TaskDevice(String backend, String device) implements Serializable {
    static final String GPU_RESOURCE = "gpu";

    /** Binds the calling task's thread to its assigned GPU (CUDA backend only) and says which. */
    public static TaskDevice bindCurrentTask() {
        String address = assignedGpu(TaskContext.get());
        boolean cpu = Nd4j.getEnvironment().isCPU();
        if (address != null && !cpu) {
            Nd4j.getAffinityManager().unsafeSetDevice(deviceIndex(address));
        }
        return new TaskDevice(backendName(), address == null ? null : "gpu:" + address);
    }

    /**
     * What the calling task got, without binding: for parameter-averaging workers, whose networks
     * DL4J creates before any hook of ours runs.
     */
    public static TaskDevice ofCurrentTask() {
        String address = assignedGpu(TaskContext.get());
        return new TaskDevice(backendName(), address == null ? null : "gpu:" + address);
    }

    public static String backendName() {
        return Nd4j.getEnvironment().isCPU() ? "cpu" : "cuda";
    }

    static String assignedGpu(TaskContext task) {
        if (task == null) {
            return null;
        }
        Map<String, ResourceInformation> resources = task.resourcesJMap();
        ResourceInformation gpu = resources.get(GPU_RESOURCE);
        return gpu == null || gpu.addresses().length == 0 ? null : gpu.addresses()[0];
    }

    private static int deviceIndex(String address) {
        try {
            return Integer.parseInt(address.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GPU address '" + address + "' from Spark's discovery script is not a"
                    + " CUDA device index; make the script print indices such as \"0\"", e);
        }
    }
}
