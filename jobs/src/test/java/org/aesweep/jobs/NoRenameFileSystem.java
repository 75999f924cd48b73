package org.aesweep.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code norename:}, standing in for an object store that
 * has no atomic rename: it refuses, with an IOException, every rename whose source or target lies
 * under the directory given to {@link #refuseRenamesUnder}, and counts renames and file creations
 * so a test can see that a job really wrote through it. Registered for Hadoop's service loader
 * (META-INF/services), so {@code new Configuration()} finds it too; its counters are static, since
 * Hadoop makes its own instances.
 */
public final class NoRenameFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "norename";
    private static final URI ROOT = URI.create(SCHEME + ":///");

    private static final RawLocalFileSystem PLAIN = plainLocal();

    private static volatile String refusedRoot;
    private static final AtomicInteger CREATED_UNDER_ROOT = new AtomicInteger();
    private static final List<String> REFUSED = new ArrayList<>();
    private static final List<String> ALLOWED = new ArrayList<>();

    /** Refuses renames under {@code dir} (a local path) from now on, and starts counting anew. */
    static synchronized void refuseRenamesUnder(java.nio.file.Path dir) {
        refusedRoot = dir.toAbsolutePath().normalize() + "/";
        CREATED_UNDER_ROOT.set(0);
        REFUSED.clear();
        ALLOWED.clear();
    }

    /** Stops refusing renames, so other tests that happen to use the scheme see a plain file system. */
    static synchronized void allowAllRenames() {
        refusedRoot = null;
    }

    /** Every rename asked for under the refused directory, as "source -> target". */
    static synchronized List<String> refusedRenames() {
        return List.copyOf(REFUSED);
    }

    /** Every rename asked for elsewhere, as "source -> target". */
    static synchronized List<String> allowedRenames() {
        return List.copyOf(ALLOWED);
    }

    /** How many files were created under the refused directory. */
    static int filesCreatedUnderRefusedRoot() {
        return CREATED_UNDER_ROOT.get();
    }

    /** {@code dir} (a local path) as a URI of this file system. */
    static String uriOf(java.nio.file.Path dir) {
        return SCHEME + ":" + dir.toAbsolutePath().normalize();
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    // Hadoop's local file statuses read their permissions from a java.io.File made of the status's
    // URI, which must then be file:. So statuses come from a plain local file system and are given
    // this scheme's path.
    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return inThisScheme(PLAIN.getFileStatus(plain(f)));
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
        return inThisScheme(PLAIN.getFileLinkStatus(plain(f)));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] statuses = PLAIN.listStatus(plain(f));
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = inThisScheme(statuses[i]);
        }
        return statuses;
    }

    private Path plain(Path path) {
        return new Path(pathToFile(path).toURI());
    }

    private static FileStatus inThisScheme(FileStatus plain) throws IOException {
        return new FileStatus(plain.getLen(), plain.isDirectory(), plain.getReplication(), plain.getBlockSize(),
                plain.getModificationTime(), plain.getAccessTime(), plain.getPermission(), plain.getOwner(),
                plain.getGroup(), new Path(SCHEME, null, plain.getPath().toUri().getPath()));
    }

    private static RawLocalFileSystem plainLocal() {
        RawLocalFileSystem fs = new RawLocalFileSystem();
        try {
            fs.initialize(URI.create("file:///"), new Configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fs;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        String move = src + " -> " + dst;
        synchronized (NoRenameFileSystem.class) {
            if (isUnderRefusedRoot(src) || isUnderRefusedRoot(dst)) {
                REFUSED.add(move);
                throw new IOException("norename: refusing to rename under " + refusedRoot + ": " + move);
            }
            ALLOWED.add(move);
        }
        return super.rename(src, dst);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        countCreation(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        countCreation(f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                                 short replication, long blockSize, Progressable progress)
            throws IOException {
        countCreation(f);
        return super.createNonRecursive(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    private void countCreation(Path f) {
        if (isUnderRefusedRoot(f)) {
            CREATED_UNDER_ROOT.incrementAndGet();
        }
    }

    private boolean isUnderRefusedRoot(Path path) {
        String root = refusedRoot;
        return root != null && pathToFile(path).getAbsolutePath().startsWith(root);
    }
}
