// main(String[]) that does not return void: java's message (broken over two lines, with a
// space at the end of the first), status 1.
public class Main {
    public static int main(String[] args) {
        System.out.println("never printed");
        return 0;
    }
}
