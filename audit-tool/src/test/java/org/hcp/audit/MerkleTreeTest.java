package org.hcp.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R5.3: the RFC 6962 tree, checked against the RFC's own structure and against Certificate Transparency's vectors. */
class MerkleTreeTest {

    @Test
    void theEmptyTreeAndOneLeafAreAsTheRfcDefinesThem() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(MerkleTree.root(List.of())));
        // RFC 6962's MTH({d0}) = SHA-256(0x00 || d0); for the empty string that is CT's well-known leaf hash.
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HexFormat.of().formatHex(MerkleTree.root(List.of(MerkleTree.leafHash(new byte[0])))));
    }

    @Test
    void rootsMatchCertificateTransparencysReferenceVectors() {
        // The eight leaves and expected roots of the CT reference implementation's merkle_tree_test.
        String[] leaves = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
        String[] roots = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < leaves.length; i++) {
            hashes.add(MerkleTree.leafHash(HexFormat.of().parseHex(leaves[i])));
            assertEquals(roots[i], HexFormat.of().formatHex(MerkleTree.root(hashes)), "tree of " + (i + 1));
        }
    }

    @Test
    void everyLeafOfEveryTreeUpTo33HasAnInclusionProofThatVerifies() {
        List<byte[]> hashes = new ArrayList<>();
        for (int n = 1; n <= 33; n++) {
            hashes.add(MerkleTree.leafHash(("event " + n).getBytes(StandardCharsets.UTF_8)));
            byte[] root = MerkleTree.root(hashes);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = MerkleTree.inclusionPath(i, hashes);
                assertTrue(MerkleTree.verifyInclusion(hashes.get(i), i, n, path, root), "leaf " + i + " of " + n);
                assertTrue(path.size() <= 32 - Integer.numberOfLeadingZeros(n), "path length for " + n);
            }
        }
    }

    @Test
    void aProofDoesNotVerifyForAnotherLeafPlaceOrRoot() {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hashes.add(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        byte[] root = MerkleTree.root(hashes);
        List<byte[]> path = MerkleTree.inclusionPath(3, hashes);
        assertFalse(MerkleTree.verifyInclusion(hashes.get(4), 3, 10, path, root), "another leaf");
        assertFalse(MerkleTree.verifyInclusion(hashes.get(3), 2, 10, path, root), "another index");
        // A size whose tree has another shape at this leaf (the root binds the shape, RFC 9162 section 2.1.3.2).
        assertFalse(MerkleTree.verifyInclusion(hashes.get(3), 3, 4, path, root), "another size");
        assertFalse(MerkleTree.verifyInclusion(hashes.get(3), 3, 10, path, MerkleTree.leafHash(new byte[]{9})),
                "another root");
        assertArrayEquals(root, MerkleTree.root(hashes), "the proof does not change the tree");
    }
}
