package cn.jixiao.render.pdf;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds records to a report: each template field is read from the current record by the accessor of the same name.
 * No reflection, so a field the template names but the engine does not provide is an error, not a blank cell.
 */
final class RecordDataSource<T> implements JRDataSource {

    private final Iterator<T> records;
    private final Map<String, Function<T, Object>> fields;
    private T current;

    RecordDataSource(List<T> records, Map<String, Function<T, Object>> fields) {
        this.records = records.iterator();
        this.fields = fields;
    }

    @Override
    public boolean next() {
        if (!records.hasNext()) {
            return false;
        }
        current = records.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Function<T, Object> accessor = fields.get(field.getName());
        if (accessor == null) {
            throw new JRException("the template asks for field \"" + field.getName()
                    + "\", which the engine does not provide; known fields: " + fields.keySet());
        }
        return accessor.apply(current);
    }
}
