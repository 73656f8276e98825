class Helper {
    static class Nested {
    }

    interface Callback {
    }
}
