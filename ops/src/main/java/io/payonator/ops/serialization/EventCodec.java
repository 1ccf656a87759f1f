package io.payonator.ops.serialization;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.TransactionType;
import io.payonator.api.event.Withdrawn;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of the ledger's events: a format byte, then the fields as variable-length
 * integers and length-prefixed UTF-8. About a fifth of the JSON size, and encoded and decoded
 * without reflection. Enum values are stored by their position in fixed tables below, which may
 * only ever be appended to.
 */
final class EventCodec {

    /** First byte of every encoded event; JSON never starts with it, so old JSON events stay readable. */
    static final byte FORMAT_V1 = 1;

    private static final List<TransactionType> TYPES = List.of(TransactionType.DEPOSIT, TransactionType.WITHDRAWAL,
            TransactionType.DISPUTE, TransactionType.RESOLVE, TransactionType.CHARGEBACK);
    private static final List<RejectionReason> REASONS = List.of(RejectionReason.MALFORMED,
            RejectionReason.INVALID_AMOUNT, RejectionReason.DUPLICATE_TX, RejectionReason.ACCOUNT_LOCKED,
            RejectionReason.OVERFLOW, RejectionReason.INSUFFICIENT_FUNDS, RejectionReason.UNKNOWN_TX,
            RejectionReason.ALREADY_DISPUTED, RejectionReason.CHARGED_BACK, RejectionReason.NOT_DISPUTED,
            RejectionReason.NEGATIVE_TOTAL);

    private static final List<Class<?>> EVENT_TYPES = List.of(AccountOpened.class, Deposited.class, Withdrawn.class,
            Disputed.class, Resolved.class, ChargedBack.class, TransactionRejected.class, RowMalformed.class);

    /**
     * Each event type by the names it is stored under: its simple name ({@link #storedName}), and
     * the class names earlier versions stored, {@code io.payonator.api.event.Deposited} and, before
     * the messages moved into {@code io.payonator.api.event}, {@code io.payonator.api.Deposited}.
     */
    static final Map<String, Class<?>> TYPES_BY_NAME = typesByName();
    private static final Map<Class<?>, SerializedType> STORED_TYPES = storedTypes();

    private static Map<String, Class<?>> typesByName() {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> type : EVENT_TYPES) {
            byName.put(type.getSimpleName(), type);
            byName.put(type.getName(), type);
            byName.put("io.payonator.api." + type.getSimpleName(), type);
        }
        return Map.copyOf(byName);
    }

    private static Map<Class<?>, SerializedType> storedTypes() {
        Map<Class<?>, SerializedType> stored = new HashMap<>();
        for (Class<?> type : EVENT_TYPES) {
            stored.put(type, new SimpleSerializedType(type.getSimpleName(), null));
        }
        return Map.copyOf(stored);
    }

    /**
     * The type an event is stored under: its simple name, unique among the ledger's events. Every
     * event row holds it, and the projection reads it back for every event: the class name was
     * a fifth of a row.
     */
    static SerializedType storedType(Class<?> type) {
        return STORED_TYPES.get(type);
    }

    private EventCodec() {
    }

    static boolean handles(Class<?> type) {
        return STORED_TYPES.containsKey(type);
    }

    static byte[] encode(Object event) {
        Writer out = new Writer();
        out.write(FORMAT_V1);
        if (event instanceof AccountOpened e) {
            out.varLong(e.client());
        } else if (event instanceof Deposited e) {
            out.movement(e.client(), e.tx(), e.amount());
            out.optionalOrigin(e.origin());
        } else if (event instanceof Withdrawn e) {
            out.movement(e.client(), e.tx(), e.amount());
            out.optionalOrigin(e.origin());
        } else if (event instanceof Disputed e) {
            out.movement(e.client(), e.tx(), e.amount());
            out.optionalOrigin(e.origin());
        } else if (event instanceof Resolved e) {
            out.movement(e.client(), e.tx(), e.amount());
            out.optionalOrigin(e.origin());
        } else if (event instanceof ChargedBack e) {
            out.movement(e.client(), e.tx(), e.amount());
            out.optionalOrigin(e.origin());
        } else if (event instanceof TransactionRejected e) {
            out.varLong(e.client());
            out.varLong(TYPES.indexOf(e.type()));
            out.varLong(e.tx());
            out.varLong(e.amount() == null ? 0 : 1);
            if (e.amount() != null) {
                out.signedVarLong(e.amount().units());
            }
            out.varLong(REASONS.indexOf(e.reason()));
            out.origin(e.origin());
        } else if (event instanceof RowMalformed e) {
            out.origin(e.origin());
            out.varLong(REASONS.indexOf(e.reason()));
            out.string(e.detail());
        } else {
            throw new IllegalArgumentException("not a ledger event: " + event.getClass().getName());
        }
        return out.toByteArray();
    }

    static Object decode(Class<?> type, byte[] data) {
        Reader in = new Reader(data);
        if (in.data.length == 0 || in.data[in.position++] != FORMAT_V1) {
            throw new IllegalArgumentException("not a version 1 encoded " + type.getName());
        }
        if (type == AccountOpened.class) {
            return new AccountOpened(in.intValue());
        } else if (type == Deposited.class) {
            return new Deposited(in.intValue(), in.varLong(), in.money(), in.optionalOrigin());
        } else if (type == Withdrawn.class) {
            return new Withdrawn(in.intValue(), in.varLong(), in.money(), in.optionalOrigin());
        } else if (type == Disputed.class) {
            return new Disputed(in.intValue(), in.varLong(), in.money(), in.optionalOrigin());
        } else if (type == Resolved.class) {
            return new Resolved(in.intValue(), in.varLong(), in.money(), in.optionalOrigin());
        } else if (type == ChargedBack.class) {
            return new ChargedBack(in.intValue(), in.varLong(), in.money(), in.optionalOrigin());
        } else if (type == TransactionRejected.class) {
            int client = in.intValue();
            TransactionType transactionType = TYPES.get(in.intValue());
            long tx = in.varLong();
            Money amount = in.varLong() == 1 ? in.money() : null;
            return new TransactionRejected(client, transactionType, tx, amount, REASONS.get(in.intValue()), in.origin());
        } else if (type == RowMalformed.class) {
            return new RowMalformed(in.origin(), REASONS.get(in.intValue()), in.string());
        }
        throw new IllegalArgumentException("not a ledger event type: " + type.getName());
    }

    /** A plain growable buffer: {@code ByteArrayOutputStream} takes a lock for every byte, 85% of an encoding. */
    private static final class Writer {
        private byte[] buffer = new byte[32];
        private int size;

        void write(int b) {
            makeRoom(1);
            buffer[size++] = (byte) b;
        }

        void writeBytes(byte[] bytes) {
            makeRoom(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        private void makeRoom(int bytes) {
            if (size + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        void movement(int client, long tx, Money amount) {
            varLong(client);
            varLong(tx);
            signedVarLong(amount.units());
        }

        void origin(RowOrigin origin) {
            string(origin.source());
            varLong(origin.line());
        }

        /**
         * An accepted row's origin, last: events written before accepted rows named their row end
         * before it, and read as having none.
         */
        void optionalOrigin(RowOrigin origin) {
            if (origin != null) {
                origin(origin);
            }
        }

        void string(String text) {
            byte[] bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            varLong(bytes == null ? 0 : bytes.length + 1L);
            if (bytes != null) {
                writeBytes(bytes);
            }
        }

        void signedVarLong(long value) {
            varLong((value << 1) ^ (value >> 63));
        }

        void varLong(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            write((int) value);
        }
    }

    private static final class Reader {
        final byte[] data;
        int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int intValue() {
            return Math.toIntExact(varLong());
        }

        Money money() {
            long zigzag = varLong();
            return new Money((zigzag >>> 1) ^ -(zigzag & 1));
        }

        RowOrigin origin() {
            return new RowOrigin(string(), varLong());
        }

        /** The origin {@link Writer#optionalOrigin} wrote, or {@code null} where the event ends. */
        RowOrigin optionalOrigin() {
            return position < data.length ? origin() : null;
        }

        String string() {
            int length = intValue();
            if (length == 0) {
                return null;
            }
            String text = new String(data, position, length - 1, StandardCharsets.UTF_8);
            position += length - 1;
            return text;
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[position++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed variable-length integer");
        }
    }
}
