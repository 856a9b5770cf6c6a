package dev.parley.engine.encoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the protobuf wire format to read and rewrite an ONNX model file: fields of a message
 * with where they lie, and length-delimited fields written back. ONNX Runtime's Java API cannot edit a
 * model, and the file format is stable.
 */
final class Protobuf {

    private Protobuf() {
    }

    /** One field: its number, wire type, where its tag starts, where its value starts and ends. */
    record Field(int number, int wireType, int tagStart, int valueStart, int end, long varint) {

        String string(byte[] b) {
            return new String(b, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
    }

    static List<Field> fields(byte[] b, int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] i = {from};
        while (i[0] < to) {
            int tagStart = i[0];
            long key = varint(b, i);
            int number = (int) (key >>> 3);
            int type = (int) (key & 7);
            switch (type) {
                case 0 -> {
                    int start = i[0];
                    long value = varint(b, i);
                    out.add(new Field(number, type, tagStart, start, i[0], value));
                }
                case 1, 5 -> {
                    int start = i[0];
                    i[0] += type == 1 ? 8 : 4;
                    out.add(new Field(number, type, tagStart, start, i[0], 0));
                }
                case 2 -> {
                    int length = (int) varint(b, i);
                    out.add(new Field(number, type, tagStart, i[0], i[0] + length, length));
                    i[0] += length;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + type);
            }
        }
        if (i[0] != to) {
            throw new IllegalArgumentException("truncated protobuf message");
        }
        return out;
    }

    static List<Field> fields(byte[] b, Field message) {
        return fields(b, message.valueStart(), message.end());
    }

    static List<Field> fields(byte[] b, Field message, int number) {
        return fields(b, message).stream().filter(f -> f.number() == number).toList();
    }

    static long varint(byte[] b, int[] i) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte c = b[i[0]++];
            value |= (long) (c & 0x7f) << shift;
            if (c >= 0) {
                return value;
            }
        }
    }

    static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** A length-delimited field: tag, length, bytes. */
    static void writeBytes(ByteArrayOutputStream out, int number, byte[] value) {
        writeVarint(out, ((long) number << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
    }
}
