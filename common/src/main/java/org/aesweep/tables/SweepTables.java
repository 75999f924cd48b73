package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.expressions.Expressions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One sweep's rows as the tables' current snapshots hold them, typed (the generated row classes,
 * read from the snapshot's files) or as Spark datasets read by table name.
 */
public final class SweepTables {
    private final TableCatalog catalog;
    private final TableLayout layout;

    public SweepTables(TableCatalog catalog, TableLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
    }

    public TableLayout layout() {
        return layout;
    }

    public TableCatalog catalog() {
        return catalog;
    }

    public String sweepId() {
        return layout.sweepId();
    }

    /** Every row of the sweep in the table of {@code rowType}. */
    public <T extends SpecificRecordBase> List<T> allRows(Class<T> rowType) throws IOException {
        List<T> rows = new ArrayList<>();
        for (DataFile file : DataFileDescriber.currentFiles(catalog.load(Table.of(rowType)),
                DataFileDescriber.inSweep(sweepId()))) {
            rows.addAll(ParquetFiles.read(new Path(file.location()), rowType, catalog.hadoopConf()));
        }
        return rows;
    }

    /** The rows of one run in the table of {@code rowType}; empty when the run has none. */
    public <T extends SpecificRecordBase> List<T> rows(Class<T> rowType, String runId) throws IOException {
        List<T> rows = new ArrayList<>();
        // Column statistics let the scan skip the files of other runs.
        for (DataFile file : DataFileDescriber.currentFiles(catalog.load(Table.of(rowType)),
                Expressions.and(DataFileDescriber.inSweep(sweepId()), Expressions.equal("run_id", runId)))) {
            rows.addAll(ParquetFiles.readMatching(new Path(file.location()), rowType, "run_id", runId,
                    catalog.hadoopConf()));
        }
        return rows;
    }

    /** The ids of the runs with a runs row: the committed runs. */
    public Set<String> committedRunIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (DataFile file : DataFileDescriber.currentFiles(catalog.load(Table.RUNS),
                DataFileDescriber.inSweep(sweepId()))) {
            ids.addAll(ParquetFiles.readStrings(new Path(file.location()), "run_id", catalog.hadoopConf()));
        }
        return ids;
    }

    /** The sweep's rows of {@code table}, read by Spark through the catalog. */
    public Dataset<Row> dataset(SparkSession spark, Table table) {
        return spark.table(catalog.qualifiedName(table)).where(functions.col(IcebergSchemas.SWEEP_ID).equalTo(sweepId()));
    }
}
