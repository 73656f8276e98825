@Deprecated
package com.acme;
