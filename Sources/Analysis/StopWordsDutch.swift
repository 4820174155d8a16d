// Dutch stop words of `twindex words`.
//
// Source: the Snowball project's Dutch stop-word list, https://snowballstem.org/algorithms/dutch/stop.txt
// (101 words; the words only, re-typed here in alphabetical order, its comments left out).
// Licence: the Snowball project's BSD 3-Clause licence (https://snowballstem.org/license.html),
// whose notice follows.
//
// Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2002, Richard Boulton. All rights reserved.
// Redistribution and use in source and binary forms, with or without modification, are permitted
// provided that the following conditions are met: (1) Redistributions of source code must retain
// the above copyright notice, this list of conditions and the following disclaimer. (2)
// Redistributions in binary form must reproduce the above copyright notice, this list of
// conditions and the following disclaimer in the documentation and/or other materials provided
// with the distribution. (3) Neither the name of the copyright holder nor the names of its
// contributors may be used to endorse or promote products derived from this software without
// specific prior written permission.
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
// IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
// FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR
// CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
// DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
// DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
// IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
// OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

extension StopWords {
    /// The Dutch list, white-space separated (see the header for its source and licence).
    static let dutch = """
        aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
        eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
        is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
        onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
        werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
        """
}
