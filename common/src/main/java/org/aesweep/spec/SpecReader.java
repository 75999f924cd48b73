package org.aesweep.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a spec's YAML node tree with command-line overrides applied, and collects every problem
 * with the source and line of the node it concerns. Typed accessors return empty after recording
 * a problem, so validation goes on and reports everything in one pass.
 */
final class SpecReader {
    static final String OVERRIDE_SOURCE = "--set";
    private static final Pattern PLAIN_EXPONENT = Pattern.compile("[-+]?[0-9][0-9_]*(\\.[0-9_]*)?[eE][0-9]+");

    private final String sourceName;
    private final List<SpecProblem> problems = new ArrayList<>();
    /** Nodes that came from --set, so their problems point at the command line, not the file. */
    private final Set<Node> overrideNodes = Collections.newSetFromMap(new IdentityHashMap<>());

    SpecReader(String sourceName) {
        this.sourceName = sourceName;
    }

    List<SpecProblem> problems() {
        return problems;
    }

    /** The document's top-level mapping, or empty after recording why there is none. */
    Optional<MappingNode> parse(String yamlText) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new SpecProblem("", sourceName, line, "malformed YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new SpecProblem("", sourceName, 0, "malformed YAML: " + e.getMessage()));
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
        }
        if (!(root instanceof MappingNode mapping)) {
            problem(root, "", "the spec must be a mapping of keys to values");
            return Optional.empty();
        }
        return Optional.of(mapping);
    }

    /** Applies {@code dotted.key=value} overrides; the value is read as a YAML flow value. */
    void applyOverrides(MappingNode root, List<String> overrides) {
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                problems.add(new SpecProblem(override, OVERRIDE_SOURCE, 0, "expected key=value"));
                continue;
            }
            String[] path = override.substring(0, equals).trim().split("\\.");
            Node value;
            try {
                value = new Yaml().compose(new StringReader(override.substring(equals + 1)));
            } catch (YAMLException e) {
                problems.add(new SpecProblem(override.substring(0, equals), OVERRIDE_SOURCE, 0,
                        "cannot read value: " + e.getMessage()));
                continue;
            }
            if (value == null) {
                problems.add(new SpecProblem(override.substring(0, equals), OVERRIDE_SOURCE, 0, "empty value"));
                continue;
            }
            markOverride(value);
            put(root, path, value);
        }
    }

    private void put(MappingNode root, String[] path, Node value) {
        MappingNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            Node child = find(parent, path[i]);
            if (child instanceof MappingNode mapping) {
                parent = mapping;
            } else {
                MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                markOverride(created);
                set(parent, path[i], created);
                parent = created;
            }
        }
        set(parent, path[path.length - 1], value);
    }

    private static Node find(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private void set(MappingNode mapping, String key, Node value) {
        List<NodeTuple> tuples = mapping.getValue();
        ScalarNode keyNode = new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN);
        markOverride(keyNode);
        tuples.removeIf(tuple -> tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key));
        tuples.add(new NodeTuple(keyNode, value));
    }

    private void markOverride(Node node) {
        overrideNodes.add(node);
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(this::markOverride);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                markOverride(tuple.getKeyNode());
                markOverride(tuple.getValueNode());
            }
        }
    }

    void problem(Node node, String key, String message) {
        if (overrideNodes.contains(node)) {
            problems.add(new SpecProblem(key, OVERRIDE_SOURCE, 0, message));
        } else {
            int line = node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
            problems.add(new SpecProblem(key, sourceName, line, message));
        }
    }

    /** The mapping's entries by key; unknown and repeated keys are reported, with a suggestion. */
    Map<String, Node> entries(MappingNode mapping, String path, List<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
            String keyPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            if (key == null) {
                problem(keyNode, path, "keys must be plain names");
            } else if (!allowed.contains(key)) {
                problem(keyNode, keyPath, "unknown key '" + key + "'" + KeySuggester.hint(key, allowed)
                        + " (valid here: " + String.join(", ", allowed) + ")");
            } else if (entries.containsKey(key)) {
                problem(keyNode, keyPath, "key given twice");
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    Optional<MappingNode> mapping(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        problem(node, path, "expected a mapping of keys to values");
        return Optional.empty();
    }

    Optional<List<Node>> sequence(Node node, String path) {
        Optional<List<Node>> items = possiblyEmptySequence(node, path);
        if (items.isPresent() && items.get().isEmpty()) {
            problem(node, path, "must not be empty");
            return Optional.empty();
        }
        return items;
    }

    /** A list that may be empty, such as a decoder without hidden layers. */
    Optional<List<Node>> possiblyEmptySequence(Node node, String path) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        problem(node, path, "expected a list, e.g. [1, 2]");
        return Optional.empty();
    }

    Optional<String> string(Node node, String path) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(node, path, "expected a non-empty text value");
        return Optional.empty();
    }

    Optional<Long> integer(Node node, String path) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Optional.of(Long.parseLong(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                problem(node, path, "integer out of range: " + scalar.getValue());
                return Optional.empty();
            }
        }
        problem(node, path, "expected an integer, got " + describe(node));
        return Optional.empty();
    }

    /**
     * A number of any kind, including YAML's .nan and .inf (validation refuses those where it must)
     * and unquoted exponents without a sign such as 1e12, which YAML 1.1 would read as text.
     */
    Optional<Double> number(Node node, String path) {
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && PLAIN_EXPONENT.matcher(scalar.getValue()).matches())) {
            String text = scalar.getValue().replace("_", "").toLowerCase(Locale.ROOT);
            return Optional.of(switch (text) {
                case ".nan" -> Double.NaN;
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            });
        }
        problem(node, path, "expected a number, got " + describe(node));
        return Optional.empty();
    }

    /** One of an enum's spec names (lower-case), with the allowed names and a suggestion on error. */
    <E extends Enum<E>> Optional<E> choice(Node node, String path, Class<E> type) {
        Optional<String> text = string(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(text.get().toLowerCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
            names.add(name);
        }
        problem(node, path, "unknown value '" + text.get() + "'" + KeySuggester.hint(text.get(), names)
                + " (allowed: " + String.join(", ", names) + ")");
        return Optional.empty();
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
