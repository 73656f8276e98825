public class Main {
    static double[][] make(int n, int seed) {
        double[][] m = new double[n][n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s = (s * 25214903917L + 11) & ((1L << 48) - 1);
                m[i][j] = ((s >>> 16) % 2000) / 1000.0 - 1.0;
            }
        }
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aip * b[p][j];
                }
            }
        }
        return c;
    }

    static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }

    static double checksum(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * ((i * 31 + j) % 7 + 1);
            }
        }
        return s;
    }

    static double determinant(double[][] input) {
        int n = input.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = input[i].clone();
        }
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (m[pivot][col] == 0) {
                return 0;
            }
            if (pivot != col) {
                double[] tmp = m[pivot];
                m[pivot] = m[col];
                m[col] = tmp;
                det = -det;
            }
            det *= m[col][col];
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        return det;
    }

    public static void main(String[] args) {
        double[][] a = make(80, 1), b = make(80, 2);
        double[][] c = multiply(a, b);
        System.out.println("trace " + trace(c) + " checksum " + checksum(c));
        System.out.println("c[0][0] " + c[0][0] + " c[79][79] " + c[79][79] + " c[13][57] " + c[13][57]);
        double[][] id = new double[4][4];
        for (int i = 0; i < 4; i++) {
            id[i][i] = 1;
        }
        double[][] small = {{2, -1, 0, 3}, {1, 0.5, 4, -2}, {0, 3, 1, 1}, {5, 2, -3, 0}};
        System.out.println(java.util.Arrays.deepToString(multiply(small, id)));
        System.out.println(java.util.Arrays.deepToString(multiply(small, small)));
        System.out.println("det small " + determinant(small) + " det id " + determinant(id));
        System.out.printf("det a (20x20 corner) %.6e%n", determinant(sub(a, 20)));
        double[][] p = small;
        for (int i = 0; i < 5; i++) {
            p = multiply(p, small);
        }
        System.out.println("small^6 trace " + trace(p) + " checksum " + checksum(p));
        double[][] rect = multiply(new double[][] {{1, 2, 3}}, new double[][] {{4}, {5}, {6}});
        System.out.println("1x3 * 3x1 = " + rect[0][0]);
    }

    static double[][] sub(double[][] m, int n) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, r[i], 0, n);
        }
        return r;
    }
}
