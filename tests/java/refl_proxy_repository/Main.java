import java.lang.reflect.*;
import java.util.*;
import java.util.function.*;

// A repository implemented at run time from its interface, the way Spring Data derives queries:
// method names (findByX, findByXAndY, countByX, existsByX, deleteByX) are parsed, the entity type
// comes from the interface's generic superinterface, return types (List, Optional, long, boolean)
// come from getGenericReturnType, and default methods run through InvocationHandler.invokeDefault.
public class Main {
    public interface Repository<T, ID> {
        T save(T entity);
        Optional<T> findById(ID id);
        List<T> findAll();
        long count();
    }

    public record Book(Integer id, String title, String author, int year) {}

    public interface BookRepository extends Repository<Book, Integer> {
        List<Book> findByAuthor(String author);
        List<Book> findByAuthorAndYear(String author, int year);
        Optional<Book> findByTitle(String title);
        long countByAuthor(String author);
        boolean existsByYear(int year);
        int deleteByAuthor(String author);
        default List<String> titlesBy(String author) {
            List<String> out = new ArrayList<>();
            for (Book b : findByAuthor(author)) out.add(b.title());
            return out;
        }
    }

    static final class Handler implements InvocationHandler {
        final Class<?> entity;
        final Map<Object, Object> rows = new TreeMap<>();
        final List<String> queries = new ArrayList<>();

        Handler(Class<?> repo) {
            Type entityType = null;
            for (Type t : repo.getGenericInterfaces()) {
                if (t instanceof ParameterizedType && ((ParameterizedType) t).getRawType() == Repository.class) {
                    entityType = ((ParameterizedType) t).getActualTypeArguments()[0];
                }
            }
            entity = (Class<?>) entityType;
        }

        Object property(Object row, String name) throws Exception {
            for (RecordComponent c : entity.getRecordComponents()) {
                if (c.getName().equalsIgnoreCase(name)) return c.getAccessor().invoke(row);
            }
            throw new IllegalArgumentException("no property " + name + " on " + entity.getSimpleName());
        }

        List<Object> matching(String criteria, Object[] args) throws Exception {
            String[] props = criteria.split("And");
            List<Object> out = new ArrayList<>();
            for (Object row : rows.values()) {
                boolean ok = true;
                for (int i = 0; i < props.length; i++) ok &= Objects.equals(property(row, props[i]), args[i]);
                if (ok) out.add(row);
            }
            return out;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.isDefault()) return InvocationHandler.invokeDefault(proxy, m, args);
            String name = m.getName();
            queries.add(name + " -> " + m.getGenericReturnType().getTypeName());
            switch (name) {
                case "save": rows.put(property(args[0], "id"), args[0]); return args[0];
                case "findById": return Optional.ofNullable(rows.get(args[0]));
                case "findAll": return new ArrayList<>(rows.values());
                case "count": return (long) rows.size();
                case "toString": return "Repository<" + entity.getSimpleName() + ">";
                case "hashCode": return 1;
                case "equals": return proxy == args[0];
                default:
            }
            for (String prefix : new String[] {"findBy", "countBy", "existsBy", "deleteBy"}) {
                if (!name.startsWith(prefix)) continue;
                List<Object> found = matching(name.substring(prefix.length()), args);
                switch (prefix) {
                    case "countBy": return (long) found.size();
                    case "existsBy": return !found.isEmpty();
                    case "deleteBy":
                        for (Object row : found) rows.remove(property(row, "id"));
                        return found.size();
                    default:
                        if (m.getReturnType() == Optional.class) {
                            if (found.size() > 1) throw new IllegalStateException(found.size() + " results for " + name);
                            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                        }
                        return found;
                }
            }
            throw new UnsupportedOperationException(name);
        }
    }

    @SuppressWarnings("unchecked")
    static <R> R repository(Class<R> type, Handler[] out) {
        out[0] = new Handler(type);
        return (R) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, out[0]);
    }

    public static void main(String[] args) {
        Handler[] h = new Handler[1];
        BookRepository books = repository(BookRepository.class, h);
        System.out.println(books + " for " + h[0].entity);
        books.save(new Book(3, "Dune", "Herbert", 1965));
        books.save(new Book(1, "Emma", "Austen", 1815));
        books.save(new Book(2, "Persuasion", "Austen", 1817));
        books.save(new Book(4, "Children of Dune", "Herbert", 1976));
        System.out.println(books.count() + " " + books.findAll());
        System.out.println(books.findById(2) + " " + books.findById(9));
        System.out.println(books.findByAuthor("Austen"));
        System.out.println(books.findByAuthorAndYear("Herbert", 1976));
        System.out.println(books.findByTitle("Emma") + " " + books.countByAuthor("Herbert") + " " + books.existsByYear(1815) + " " + books.existsByYear(2000));
        System.out.println(books.titlesBy("Herbert"));
        try {
            books.findByAuthorAndYear("Austen", 1815).get(0);
            System.out.println(books.findByTitle(null));
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(books.deleteByAuthor("Austen") + " " + books.findAll());
        h[0].queries.forEach(System.out::println);
        for (Method m : BookRepository.class.getMethods()) {
            if (m.getName().startsWith("find") && m.getDeclaringClass() == BookRepository.class) {
                System.out.println(m.toGenericString());
            }
        }
    }
}
